import { Injectable, Logger } from '@nestjs/common';
import type { ConversationOpened, ConversationResolved, MessageCreated } from '@hub/contracts';
import { MessageDirection, SenderType } from '@hub/domain';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { arrive } from './arrive';
import { AssignmentApplier } from './assignment-applier';
import { countChats } from './route-store';
import type { RoutingEffects } from './routing-effects';
import { RoutingTransactions } from './routing-transactions';
import { queryRows } from './sql';

/**
 * Routing's side of the conversation lifecycle. Events come on separate durables and may be
 * late or repeated, so each cycle of a conversation is identified by the `occurredAt` of the
 * ConversationOpened that started it: a late Resolved of an earlier cycle changes nothing, a
 * repeated Opened changes nothing.
 */
@Injectable()
export class ConversationLifecycle {
  private readonly logger = new Logger(ConversationLifecycle.name);

  constructor(
    private readonly database: Database,
    private readonly routing: RoutingTransactions,
    private readonly applier: AssignmentApplier,
  ) {}

  /** A conversation waits for an agent: queue it, then let the drain assign it if it can. */
  async opened(event: ConversationOpened): Promise<void> {
    const arrival = {
      conversationId: event.conversationId,
      workspaceId: event.workspaceId,
      departmentId: event.departmentId,
      openedAt: event.occurredAt,
      openedEventId: event.eventId,
    };
    const restart = event.reopened
      ? (tx: EntityManager, fx: RoutingEffects) => this.restartCycle(tx, event, fx)
      : undefined;
    await this.applier.settle(await arrive(this.database.dataSource, arrival, restart));
    this.logger.log(
      { conversationId: event.conversationId, departmentId: event.departmentId },
      'conversation queued for routing',
    );
  }

  /** Finished: its agent's slot frees and goes to the head of the queue. */
  async resolved(event: ConversationResolved): Promise<void> {
    await this.routing.run(event.workspaceId, async (tx, effects) => {
      const removed = await queryRows<{ state: string; agentId: string | null }>(
        tx,
        `delete from routing.routes where conversation_id = $1 and workspace_id = $2 and opened_at <= $3
         returning state, agent_id as "agentId"`,
        [event.conversationId, event.workspaceId, event.occurredAt],
      );
      const route = removed[0];
      if (!route) return;
      if (route.state === 'assigned' && route.agentId) await countChats(tx, [route.agentId], -1);
      effects.drain = true;
      effects.queueTouched = true;
    });
  }

  /** An agent's reply marks the conversation answered: it stays with them if they drop offline. */
  async messageCreated(event: MessageCreated): Promise<void> {
    if (event.direction !== MessageDirection.Outbound || event.senderType !== SenderType.Agent)
      return;
    const agentId = event.senderId ?? event.assigneeId;
    if (!agentId) return;
    await this.database.dataSource.query(
      `update routing.routes set answered = true
        where conversation_id = $1 and state = 'assigned' and agent_id = $2 and not answered`,
      [event.conversationId, agentId],
    );
  }

  // Reopened while routing still holds the previous cycle (its Resolved is late): start over.
  private async restartCycle(
    tx: EntityManager,
    event: ConversationOpened,
    effects: RoutingEffects,
  ): Promise<void> {
    const [current] = await queryRows<{ state: string; agentId: string | null; stale: boolean }>(
      tx,
      `select state, agent_id as "agentId", opened_at < $2 and opened_event_id <> $3 as stale
         from routing.routes where conversation_id = $1`,
      [event.conversationId, event.occurredAt, event.eventId],
    );
    if (!current?.stale) return;
    await tx.query(
      `update routing.routes
          set state = 'queued', agent_id = null, department_id = $2, queue_rank = 1, enqueued_at = clock_timestamp(),
              position = null, excluded_agent_id = null, assigned_at = null, answered = false,
              opened_at = $3, opened_event_id = $4,
              applied_agent_id = null, applied_department_id = $2, apply_after = now(), apply_attempts = 0,
              apply_lease_until = null
        where conversation_id = $1`,
      [event.conversationId, event.departmentId, event.occurredAt, event.eventId],
    );
    if (current.state === 'assigned' && current.agentId)
      await countChats(tx, [current.agentId], -1);
    effects.queueTouched = true;
  }
}
