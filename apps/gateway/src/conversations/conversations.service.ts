import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type AgentEmailTranscriptRequest,
  type ChangeConversationStatusRequest,
  type ConversationListPage,
  type ConversationReadView,
  type EmailTranscriptReply,
  type ConversationView,
  type GetConversationRequest,
  type ListConversationsRequest,
  type ListMessagesRequest,
  type MessageView,
  type PickConversationRequest,
  type SendAgentMessageRequest,
  type TransferConversationRequest,
  type AgentContentType,
} from '@hub/contracts';
import { ContentType } from '@hub/domain';
import { DomainException, RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import { authErrors } from '../auth/auth.exception';
import { actorOf, isSupervisor, type AuthenticatedAgent } from '../auth/authenticated-agent';
import type {
  AssignBody,
  ListConversationsQuery,
  ListMessagesQuery,
  MarkReadBody,
  SendMessageBody,
  TranscriptMailBody,
  TransferBody,
} from './dto/conversation.dto';
import { slaFilteredIds } from '../sla/sla-list-filter';
import { AgentMessageLimit } from './agent-message-limit';

/**
 * Conversations as an agent sees them, for REST and the agent socket alike. The workspace and
 * the actor always come from the verified token; conversation and routing check them again.
 */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly messageLimit: AgentMessageLimit,
  ) {}

  /**
   * A page of the list, filtered by conversation; an SLA filter asks routing which
   * conversations' clocks stand there, and a search asks crm which customers' name, email or
   * phone start with it.
   */
  async list(
    agent: AuthenticatedAgent,
    query: ListConversationsQuery,
  ): Promise<ConversationListPage> {
    const ids = await slaFilteredIds(this.rpc, agent, query, 'conversation');
    if (ids?.length === 0) return { items: [], nextCursor: null };
    const request: ListConversationsRequest = {
      workspaceId: agent.workspaceId,
      actor: actorOf(agent),
      view: query.view,
      ...pick(query, ['status', 'channel', 'departmentId', 'priority', 'tagId', 'q']),
      ...pick(query, ['cursor', 'limit']),
      ...(ids ? { ids } : {}),
      ...(query.q ? { customerIds: await this.customersMatching(agent, query.q) } : {}),
    };
    const page = await this.rpc.request(SUBJECTS.conversation.listConversations, request);
    return {
      items: page.items.filter((conversation) => conversation.workspaceId === agent.workspaceId),
      nextCursor: page.nextCursor,
    };
  }

  /** The agent has read the conversation (to `seq`, or all of it): its unread count resets. */
  markRead(
    agent: AuthenticatedAgent,
    conversationId: string,
    body: MarkReadBody,
  ): Promise<ConversationReadView> {
    return this.rpc.request(SUBJECTS.conversation.markConversationRead, {
      workspaceId: agent.workspaceId,
      conversationId,
      agentId: agent.agentId,
      ...pick(body, ['seq']),
    });
  }

  async get(agent: AuthenticatedAgent, conversationId: string): Promise<ConversationView> {
    const request: GetConversationRequest = { workspaceId: agent.workspaceId, conversationId };
    return this.ownWorkspace(
      agent,
      await this.rpc.request(SUBJECTS.conversation.getConversation, request),
    );
  }

  messages(
    agent: AuthenticatedAgent,
    conversationId: string,
    query: ListMessagesQuery,
  ): Promise<MessageView[]> {
    const request: ListMessagesRequest = {
      workspaceId: agent.workspaceId,
      conversationId,
      ...pick(query, ['afterSeq', 'limit']),
    };
    return this.rpc.request(SUBJECTS.conversation.listMessages, request);
  }

  /** A reply; `contentType` link: `content` is a URL the door has checked (links/). */
  async send(
    agent: AuthenticatedAgent,
    conversationId: string,
    body: SendMessageBody,
    contentType: AgentContentType = ContentType.Text,
  ): Promise<MessageView> {
    this.messageLimit.admit(agent.agentId);
    const request: SendAgentMessageRequest = {
      workspaceId: agent.workspaceId,
      conversationId,
      actor: actorOf(agent),
      clientMessageId: body.clientMessageId,
      content: body.content,
      contentType,
      ...(body.fileId ? { attachmentFileId: body.fileId } : {}),
      ...(body.template ? { template: body.template } : {}),
    };
    return this.rpc.request(SUBJECTS.conversation.sendAgentMessage, request);
  }

  /** The conversation's transcript mailed to the customer; counted as one of the agent's replies. */
  async mailTranscript(
    agent: AuthenticatedAgent,
    conversationId: string,
    body: TranscriptMailBody,
  ): Promise<EmailTranscriptReply> {
    this.messageLimit.admit(agent.agentId);
    const request: AgentEmailTranscriptRequest = {
      workspaceId: agent.workspaceId,
      conversationId,
      actor: actorOf(agent),
      email: body.email.toLowerCase(),
      language: body.language,
    };
    return this.rpc.request(SUBJECTS.conversation.agentEmailTranscript, request);
  }

  /** Without an agent (or with my own id) I pick it from the queue; to someone else is a transfer. */
  async assign(
    agent: AuthenticatedAgent,
    conversationId: string,
    body: AssignBody,
  ): Promise<ConversationView> {
    if (body.agentId === undefined || body.agentId === agent.agentId) {
      const request: PickConversationRequest = {
        workspaceId: agent.workspaceId,
        conversationId,
        actor: actorOf(agent),
      };
      return this.ownWorkspace(agent, await this.rpc.request(SUBJECTS.routing.pick, request));
    }
    if (!isSupervisor(agent)) throw authErrors.forbidden('assign a conversation to another agent');
    return this.transfer(agent, conversationId, { toAgentId: body.agentId });
  }

  /** Agents transfer their own conversations; supervisors and admins anyone's. */
  async transfer(
    agent: AuthenticatedAgent,
    conversationId: string,
    body: TransferBody,
  ): Promise<ConversationView> {
    if (!isSupervisor(agent)) {
      const conversation = await this.get(agent, conversationId);
      if (conversation.assigneeId !== agent.agentId)
        throw authErrors.forbidden("transfer another agent's conversation");
    }
    const request: TransferConversationRequest = {
      workspaceId: agent.workspaceId,
      conversationId,
      actor: actorOf(agent),
      ...pick(body, ['toAgentId', 'toDepartmentId']),
    };
    return this.ownWorkspace(agent, await this.rpc.request(SUBJECTS.routing.transfer, request));
  }

  resolve(agent: AuthenticatedAgent, conversationId: string): Promise<ConversationView> {
    return this.changeStatus(SUBJECTS.conversation.resolve, agent, conversationId);
  }

  reopen(agent: AuthenticatedAgent, conversationId: string): Promise<ConversationView> {
    return this.changeStatus(SUBJECTS.conversation.reopen, agent, conversationId);
  }

  private async changeStatus(
    status: typeof SUBJECTS.conversation.resolve | typeof SUBJECTS.conversation.reopen,
    agent: AuthenticatedAgent,
    conversationId: string,
  ): Promise<ConversationView> {
    const request: ChangeConversationStatusRequest = {
      workspaceId: agent.workspaceId,
      conversationId,
      actor: actorOf(agent),
    };
    return this.ownWorkspace(agent, await this.rpc.request(status, request));
  }

  private async customersMatching(agent: AuthenticatedAgent, text: string): Promise<string[]> {
    const page = await this.rpc.request(SUBJECTS.crm.searchCustomers, {
      workspaceId: agent.workspaceId,
      query: text,
      limit: 100,
    });
    return page.customers.map((customer) => customer.id);
  }

  // Defence in depth: the owner already scopes by workspace; a view of another one never leaves.
  private ownWorkspace(
    agent: AuthenticatedAgent,
    conversation: ConversationView,
  ): ConversationView {
    if (conversation.workspaceId !== agent.workspaceId) {
      throw new DomainException('CONVERSATION_NOT_FOUND', 'Conversation not found');
    }
    return conversation;
  }
}
