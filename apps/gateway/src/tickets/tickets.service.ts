import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  TICKET_CHANGE_FIELDS,
  type CreateTicketRequest,
  type SearchTicketsRequest,
  type SlaTicketPage,
  type TicketHistoryEntry,
  type TicketView,
  type UpdateTicketRequest,
} from '@hub/contracts';
import { DomainException, RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import { actorOf, type AuthenticatedAgent } from '../auth/authenticated-agent';
import type {
  CreateTicketBody,
  ListTicketsQuery,
  TransferTicketBody,
  UpdateTicketBody,
} from './dto/ticket.dto';
import { versionRead } from './if-match';
import { slaFilteredIds } from '../sla/sla-list-filter';
import { TicketSla } from './ticket-sla';
import { TicketTargets } from './ticket-targets';

/**
 * Tickets as an agent sees them. The workspace and the actor come from the verified token; crm
 * checks versions, the workflow and who may change what. Assignees and departments are checked
 * with routing before crm is asked.
 */
@Injectable()
export class TicketsService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly targets: TicketTargets,
    private readonly sla: TicketSla,
  ) {}

  /**
   * A page of tickets, each with its SLA standing; `sla` keeps those breached or at risk,
   * `slaDueWithin` those falling due within that many minutes.
   */
  async list(agent: AuthenticatedAgent, query: ListTicketsQuery): Promise<SlaTicketPage> {
    const ids = await slaFilteredIds(this.rpc, agent, query, 'ticket');
    if (ids?.length === 0) return { items: [], nextCursor: null };
    const request: SearchTicketsRequest = {
      workspaceId: agent.workspaceId,
      ...pick(query, ['departmentId', 'categoryId', 'customerId', 'conversationId', 'tag']),
      ...pick(query, ['cursor', 'limit']),
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.priority ? { priorities: query.priority } : {}),
      ...(query.assigneeId
        ? { assigneeId: query.assigneeId === 'me' ? agent.agentId : query.assigneeId }
        : {}),
      ...(ids ? { ids } : {}),
    };
    return this.sla.annotate(agent, await this.rpc.request(SUBJECTS.crm.searchTickets, request));
  }

  get(agent: AuthenticatedAgent, ticketId: string): Promise<TicketView> {
    return this.rpc.request(SUBJECTS.crm.getTicket, { workspaceId: agent.workspaceId, ticketId });
  }

  /** With a conversation and no customer, the requester is the conversation's customer. */
  async create(agent: AuthenticatedAgent, body: CreateTicketBody): Promise<TicketView> {
    const customerId = body.customerId ?? (await this.customerOfConversation(agent, body));
    await this.targets.check(agent, body);
    const request: CreateTicketRequest = {
      workspaceId: agent.workspaceId,
      actor: actorOf(agent),
      customerId,
      subject: body.subject,
      ...pick(body, TICKET_CHANGE_FIELDS),
      ...pick(body, ['description', 'conversationId']),
    };
    return this.rpc.request(SUBJECTS.crm.createTicket, request);
  }

  async update(
    agent: AuthenticatedAgent,
    ticketId: string,
    body: UpdateTicketBody,
    ifMatch: string | undefined,
  ): Promise<TicketView> {
    const version = versionRead(body.version, ifMatch);
    await this.targets.check(agent, body);
    return this.write(agent, ticketId, { version, ...pick(body, TICKET_CHANGE_FIELDS) });
  }

  /** To an agent, or to a department's pool (nobody has it then), with a note for the history. */
  async transfer(
    agent: AuthenticatedAgent,
    ticketId: string,
    body: TransferTicketBody,
    ifMatch: string | undefined,
  ): Promise<TicketView> {
    const version = versionRead(body.version, ifMatch);
    const change = {
      assigneeId: body.toAgentId ?? null,
      ...(body.toDepartmentId ? { departmentId: body.toDepartmentId } : {}),
    };
    await this.targets.check(agent, change);
    return this.write(agent, ticketId, { version, ...change, ...pick(body, ['note']) });
  }

  link(agent: AuthenticatedAgent, ticketId: string, conversationId: string): Promise<TicketView> {
    return this.rpc.request(SUBJECTS.crm.linkTicketConversation, {
      workspaceId: agent.workspaceId,
      ticketId,
      conversationId,
      actor: actorOf(agent),
    });
  }

  unlink(agent: AuthenticatedAgent, ticketId: string, conversationId: string): Promise<TicketView> {
    return this.rpc.request(SUBJECTS.crm.unlinkTicketConversation, {
      workspaceId: agent.workspaceId,
      ticketId,
      conversationId,
      actor: actorOf(agent),
    });
  }

  history(agent: AuthenticatedAgent, ticketId: string): Promise<TicketHistoryEntry[]> {
    return this.rpc.request(SUBJECTS.crm.ticketHistory, {
      workspaceId: agent.workspaceId,
      ticketId,
    });
  }

  private write(
    agent: AuthenticatedAgent,
    ticketId: string,
    change: Omit<UpdateTicketRequest, 'workspaceId' | 'ticketId' | 'actor'>,
  ): Promise<TicketView> {
    return this.rpc.request(SUBJECTS.crm.updateTicket, {
      workspaceId: agent.workspaceId,
      ticketId,
      actor: actorOf(agent),
      ...change,
    });
  }

  private async customerOfConversation(
    agent: AuthenticatedAgent,
    { conversationId }: CreateTicketBody,
  ): Promise<string> {
    if (!conversationId) {
      throw new DomainException('VALIDATION_FAILED', 'Give customerId or conversationId', [
        { field: 'customerId', message: 'customerId or conversationId must be given' },
      ]);
    }
    const conversation = await this.rpc.request(SUBJECTS.conversation.getConversation, {
      workspaceId: agent.workspaceId,
      conversationId,
    });
    return conversation.customerId;
  }
}
