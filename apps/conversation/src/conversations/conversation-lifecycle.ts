import { Injectable } from '@nestjs/common';
import type {
  Actor,
  AssignConversationRequest,
  ChangeConversationStatusRequest,
  ConversationView,
  UnassignConversationRequest,
} from '@hub/contracts';
import {
  AgentRole,
  type Channel,
  ConversationEvent,
  ConversationStatus,
  IllegalConversationTransitionError,
  nextConversationStatus,
} from '@hub/domain';
import { Database } from '@hub/service-kit';
import { CurrentActors } from '../actors/current-actors';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { ConversationNotifier } from '../notifications/conversation-notifier';
import { Outbox, type PendingEvent } from '@hub/outbox';
import type { Conversation } from './conversation.entity';
import { ConversationError } from './conversation.exception';
import { ConversationRepository } from './conversation.repository';
import { toConversationView } from './views';

type Change = (conversation: Conversation) => {
  changes: Partial<Conversation>;
  event: (after: Conversation, channel: Channel) => PendingEvent;
};

/**
 * Assignment and status changes. Each runs on the locked row, follows the state machine,
 * writes its event to the outbox in the same transaction, then tells the people concerned.
 */
@Injectable()
export class ConversationLifecycle {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationRepository,
    private readonly inboxes: InboxDirectory,
    private readonly notifier: ConversationNotifier,
    private readonly outbox: Outbox,
    private readonly actors: CurrentActors,
  ) {}

  /** Routing's decision: `agentId` owns it now, if nobody changed it meanwhile. */
  assign(request: AssignConversationRequest): Promise<ConversationView> {
    return this.change(request.workspaceId, request.conversationId, (current) => {
      if (current.assigneeId !== request.expectedAssigneeId)
        throw ConversationError.assigneeChanged(current.id);
      return {
        changes: {
          assigneeId: request.agentId,
          status: transition(current.status, ConversationEvent.Assign),
        },
        event: (after) => this.notifier.assigned(after, current.assigneeId),
      };
    });
  }

  /** Back to a queue (transfer to a department, agent gone offline). */
  unassign(request: UnassignConversationRequest): Promise<ConversationView> {
    return this.change(request.workspaceId, request.conversationId, (current) => {
      if (current.assigneeId !== request.expectedAssigneeId)
        throw ConversationError.assigneeChanged(current.id);
      return {
        changes: {
          assigneeId: null,
          status: transition(current.status, ConversationEvent.Unassign),
          ...(request.departmentId ? { departmentId: request.departmentId } : {}),
        },
        event: (after) => this.notifier.unassigned(after, request.expectedAssigneeId),
      };
    });
  }

  async resolve(request: ChangeConversationStatusRequest): Promise<ConversationView> {
    const actor = await this.actors.current(request.workspaceId, request.actor.agentId);
    return this.change(request.workspaceId, request.conversationId, (current) => {
      assertMayAct(current, actor);
      const resolvedAt = new Date();
      return {
        changes: {
          status: transition(current.status, ConversationEvent.Resolve),
          resolvedAt,
          resolutionSeconds: Math.round(
            (resolvedAt.getTime() - current.createdAt.getTime()) / 1000,
          ),
        },
        event: (after) => this.notifier.resolved(after, current.assigneeId),
      };
    });
  }

  /**
   * A resolved conversation waits for an agent again, like a new one. Who may reopen it is who
   * may resolve it: its (last) assignee, or a supervisor or admin, by their current role.
   */
  async reopen(request: ChangeConversationStatusRequest): Promise<ConversationView> {
    const actor = await this.actors.current(request.workspaceId, request.actor.agentId);
    return this.change(request.workspaceId, request.conversationId, (current) => {
      assertMayAct(current, actor);
      return {
        changes: {
          status: transition(current.status, ConversationEvent.Reopen),
          assigneeId: null,
          resolvedAt: null,
          resolutionSeconds: null,
        },
        event: (after, channel) => this.notifier.reopened(after, channel),
      };
    });
  }

  private async change(
    workspaceId: string,
    conversationId: string,
    decide: Change,
  ): Promise<ConversationView> {
    const { before, after, channel, event } = await this.database.dataSource.transaction(
      async (tx) => {
        const current = await this.conversations.lockInWorkspace(tx, workspaceId, conversationId);
        if (!current) throw ConversationError.notFound(conversationId);
        const { channel } = await this.inboxes.get(current.inboxId);
        const { changes, event: eventOf } = decide(current);
        const updated = await this.conversations.update(tx, current.id, changes);
        const event = eventOf(updated, channel);
        await this.outbox.add(tx, [event]);
        return { before: current, after: updated, channel, event };
      },
    );
    await this.outbox.flush([event]);
    await this.notifier.fanOutConversation(
      after,
      channel,
      before.assigneeId !== after.assigneeId ? before.assigneeId : null,
    );
    return toConversationView(after, channel);
  }
}

function transition(status: ConversationStatus, event: ConversationEvent): ConversationStatus {
  try {
    return nextConversationStatus(status, event);
  } catch (error) {
    if (error instanceof IllegalConversationTransitionError)
      throw ConversationError.illegalTransition(error.message);
    throw error;
  }
}

/**
 * The assignee may act on their conversation; supervisors and admins on any. So an agent may
 * not act on a conversation nobody is assigned (one waiting, or resolved from the queue).
 * `actor` is the agent's current role from CurrentActors, never the role the request carried.
 */
export function assertMayAct(conversation: Conversation, actor: Actor): void {
  if (actor.role !== AgentRole.Agent) return;
  if (conversation.assigneeId !== actor.agentId) throw ConversationError.notYours(conversation.id);
}
