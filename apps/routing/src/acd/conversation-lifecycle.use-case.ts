import { Injectable, Logger } from '@nestjs/common';
import type { ConversationOpened, ConversationResolved, MessageCreated } from '@hub/contracts';
import { MessageDirection, SenderType } from '@hub/domain';
import { Database } from '@hub/service-kit';
import type { RoutingData } from '../routing-data';
import { arrive } from './arrive';
import { AssignmentApplier } from './assignment-applier';
import { CustomerVip } from './customer-vip';
import { RoutesRepository, type Arrival } from './routes.repository';
import type { RoutingEffects } from './routing-effects';
import { RoutingTransactions } from './routing-transactions';

/**
 * Routing's side of the conversation lifecycle. Events come on separate durables and may be
 * late or repeated, so each cycle of a conversation is identified by the `occurredAt` of the
 * ConversationOpened that started it: a late Resolved of an earlier cycle changes nothing, a
 * repeated Opened changes nothing.
 */
@Injectable()
export class ConversationLifecycle {
  private readonly logger = new Logger(ConversationLifecycle.name);
  private readonly routes: RoutesRepository;

  constructor(
    private readonly database: Database,
    private readonly routing: RoutingTransactions,
    private readonly applier: AssignmentApplier,
    private readonly customerVip: CustomerVip,
  ) {
    this.routes = new RoutesRepository(database.dataSource.manager);
  }

  /**
   * A conversation waits for an agent: queue it, then let the drain assign it if it can. One
   * that opened assigned (an accepted invitation) is recorded as its agent's instead.
   */
  async opened(event: ConversationOpened): Promise<void> {
    const arrival: Arrival = {
      conversationId: event.conversationId,
      workspaceId: event.workspaceId,
      departmentId: event.departmentId,
      openedAt: event.occurredAt,
      openedEventId: event.eventId,
      vip: await this.customerVip.of(event),
    };
    if (event.assigneeId) {
      const owned = { ...arrival, agentId: event.assigneeId };
      await this.routing.run(event.workspaceId, (data, fx) =>
        recordOpenedAssigned(data, owned, fx),
      );
      this.logger.log(
        { conversationId: event.conversationId, agentId: event.assigneeId },
        'conversation opened assigned: recorded on its agent',
      );
      return;
    }
    const restart = event.reopened
      ? (data: RoutingData, fx: RoutingEffects) => restartCycle(data, arrival, fx)
      : undefined;
    await this.applier.settle(await arrive(this.database.dataSource, arrival, restart));
    this.logger.log(
      { conversationId: event.conversationId, departmentId: event.departmentId },
      'conversation queued for routing',
    );
  }

  /** Finished: its agent's slot frees and goes to the head of the queue. */
  async resolved(event: ConversationResolved): Promise<void> {
    await this.routing.run(event.workspaceId, (data, effects) =>
      releaseResolved(data, event, effects),
    );
  }

  /** An agent's reply marks the conversation answered: it stays with them if they drop offline. */
  async messageCreated(event: MessageCreated): Promise<void> {
    if (event.direction !== MessageDirection.Outbound || event.senderType !== SenderType.Agent)
      return;
    const agentId = event.senderId ?? event.assigneeId;
    if (!agentId) return;
    await this.routes.markAnswered(event.conversationId, agentId);
  }
}

/**
 * Under the workspace lock: the resolved conversation's route goes (unless it belongs to a
 * later cycle), its agent's slot frees, and the queue is drained into it.
 */
export async function releaseResolved(
  data: RoutingData,
  event: Pick<ConversationResolved, 'conversationId' | 'workspaceId' | 'occurredAt'>,
  effects: RoutingEffects,
): Promise<void> {
  const removed = await data.routes.removeResolved({
    conversationId: event.conversationId,
    workspaceId: event.workspaceId,
    resolvedAt: event.occurredAt,
  });
  if (!removed) return;
  if (removed.freedAgentId) await data.agents.countChats([removed.freedAgentId], -1);
  // What the queue's estimated wait learns from.
  if (removed.assignedAt) {
    await data.handlingTimes.record({
      conversationId: event.conversationId,
      workspaceId: event.workspaceId,
      departmentId: removed.departmentId,
      assignedAt: removed.assignedAt,
      resolvedAt: event.occurredAt,
    });
  }
  effects.drain = true;
  effects.queueTouched = true;
}

/**
 * Under the workspace lock: the conversation becomes its agent's route and counts on their load
 * (once, however often the event comes). The applier then confirms it with the conversation
 * service, which also drops it again if it was resolved before this event arrived.
 */
export async function recordOpenedAssigned(
  data: RoutingData,
  arrival: Arrival & { agentId: string },
  effects: RoutingEffects,
): Promise<void> {
  if (!(await data.routes.recordOpenedAssigned(arrival))) return;
  await data.agents.ensureStatus(arrival.workspaceId, arrival.agentId);
  await data.agents.countChosenChat(arrival.agentId);
  effects.toApply.add(arrival.conversationId);
}

// Reopened while routing still holds the previous cycle (its Resolved is late): start over.
async function restartCycle(
  data: RoutingData,
  arrival: Arrival,
  effects: RoutingEffects,
): Promise<void> {
  const restarted = await data.routes.restartCycle(arrival);
  if (!restarted) return;
  if (restarted.freedAgentId) await data.agents.countChats([restarted.freedAgentId], -1);
  effects.queueTouched = true;
}
