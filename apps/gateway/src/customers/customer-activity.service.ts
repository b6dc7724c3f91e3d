import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  realtimeSubjects,
  type NoteView,
  type OrderView,
  type PutOrderReply,
  type TimelinePage,
} from '@hub/contracts';
import { Realtime, RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import type { Caller } from '../api-keys/current-caller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { crmActorOf } from './customers.service';
import type { PageQuery, PutOrderBody } from './dto/customer.dto';

/** What happened around a customer: orders, notes (on them or their conversations), timeline. */
@Injectable()
export class CustomerActivityService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly realtime: Realtime,
  ) {}

  /** By an agent or an integrator (API key), in the caller's workspace. */
  putOrder(
    caller: Caller,
    ids: { customerId: string; externalId: string },
    body: PutOrderBody,
  ): Promise<PutOrderReply> {
    return this.rpc.request(SUBJECTS.crm.putOrder, { ...body, ...caller, ...ids });
  }

  orders(agent: AuthenticatedAgent, customerId: string): Promise<OrderView[]> {
    return this.rpc.request(SUBJECTS.crm.listOrders, {
      workspaceId: agent.workspaceId,
      customerId,
    });
  }

  customerNotes(agent: AuthenticatedAgent, customerId: string): Promise<NoteView[]> {
    return this.rpc.request(SUBJECTS.crm.listNotes, {
      workspaceId: agent.workspaceId,
      target: 'customer',
      targetId: customerId,
    });
  }

  addCustomerNote(agent: AuthenticatedAgent, customerId: string, body: string): Promise<NoteView> {
    return this.rpc.request(SUBJECTS.crm.addNote, {
      workspaceId: agent.workspaceId,
      actor: crmActorOf(agent),
      target: 'customer',
      customerId,
      body,
    });
  }

  async conversationNotes(agent: AuthenticatedAgent, conversationId: string): Promise<NoteView[]> {
    // Asked first so a conversation of another workspace is "not found", as everywhere.
    await this.conversation(agent, conversationId);
    return this.rpc.request(SUBJECTS.crm.listNotes, {
      workspaceId: agent.workspaceId,
      target: 'conversation',
      targetId: conversationId,
    });
  }

  async addConversationNote(
    agent: AuthenticatedAgent,
    conversationId: string,
    body: string,
  ): Promise<NoteView> {
    const conversation = await this.conversation(agent, conversationId);
    const note = await this.rpc.request(SUBJECTS.crm.addNote, {
      workspaceId: agent.workspaceId,
      actor: crmActorOf(agent),
      target: 'conversation',
      customerId: conversation.customerId,
      conversationId,
      body,
    });
    // A supervisor's word to the agent in the chat: the assignee is told at once, and so is
    // whoever watches the conversation.
    const event = {
      type: 'conversation.note' as const,
      workspaceId: agent.workspaceId,
      conversationId,
      note,
    };
    const assigneeId = conversation.assigneeId;
    const toAssignee = assigneeId !== null && assigneeId !== agent.agentId ? assigneeId : null;
    if (toAssignee !== null) void this.realtime.publish(realtimeSubjects.agent(toAssignee), event);
    void this.realtime.publish(realtimeSubjects.onlookers(conversationId), {
      ...event,
      sentToAgentId: toAssignee,
    });
    return note;
  }

  timeline(agent: AuthenticatedAgent, customerId: string, query: PageQuery): Promise<TimelinePage> {
    return this.rpc.request(SUBJECTS.crm.customerTimeline, {
      workspaceId: agent.workspaceId,
      customerId,
      ...pick(query, ['cursor', 'limit']),
    });
  }

  private conversation(agent: AuthenticatedAgent, conversationId: string) {
    return this.rpc.request(SUBJECTS.conversation.getConversation, {
      workspaceId: agent.workspaceId,
      conversationId,
    });
  }
}
