import { Inject, Injectable, Logger } from '@nestjs/common';
import { Database, SERVICE_ENV } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { countChats } from '../acd/route-store';
import { QueueRank } from '../acd/route.entity';
import type { RoutingEffects } from '../acd/routing-effects';
import { RoutingTransactions } from '../acd/routing-transactions';
import { queryRows } from '../acd/sql';
import type { RoutingEnv } from '../routing.env';
import { PresenceService } from './presence.service';

/**
 * The presence half of the routing sweep. Safe with several replicas: stale sockets are
 * deleted by one statement (each row goes to one replica), and the grace requeue re-checks
 * its agent under the workspace lock, so a second replica finds nothing left to do.
 */
@Injectable()
export class PresenceSweep {
  private readonly logger = new Logger(PresenceSweep.name);

  constructor(
    private readonly database: Database,
    private readonly routing: RoutingTransactions,
    private readonly presence: PresenceService,
    @Inject(SERVICE_ENV) private readonly env: RoutingEnv,
  ) {}

  /** Drops sockets of gateways that stopped beating; their agents may go offline. */
  async dropStaleConnections(): Promise<void> {
    const dropped = await queryRows<{ workspaceId: string; agentId: string; gatewayId: string }>(
      this.database.dataSource.manager,
      `delete from routing.agent_connections
        where seen_at < now() - make_interval(secs => $1::float8 / 1000)
        returning workspace_id as "workspaceId", agent_id as "agentId", gateway_id as "gatewayId"`,
      [this.env.ROUTING_GATEWAY_TIMEOUT_MS],
    );
    if (dropped.length === 0) return;
    this.logger.warn(
      { count: dropped.length, gatewayIds: [...new Set(dropped.map((d) => d.gatewayId))] },
      'dropped agent connections of silent gateways',
    );
    await this.presence.recompute(dropped);
  }

  /** Requeues the unanswered conversations of agents offline for longer than the grace period. */
  async requeueAfterGrace(): Promise<void> {
    const due = await queryRows<{ workspaceId: string; agentId: string }>(
      this.database.dataSource.manager,
      `select workspace_id as "workspaceId", agent_id as "agentId" from routing.agent_status
        where presence = 'offline' and not offline_handled
          and offline_since < now() - make_interval(secs => $1::float8 / 1000)
        order by offline_since limit 50`,
      [this.env.ROUTING_OFFLINE_GRACE_MS],
    );
    for (const { workspaceId, agentId } of due) {
      await this.routing.run(workspaceId, (tx, effects) =>
        this.requeueUnanswered(tx, agentId, effects),
      );
    }
  }

  // Unanswered conversations go to the FRONT of their queue (rank 0, in their original order):
  // their customers have waited longest and lost their agent through no fault of their own.
  private async requeueUnanswered(
    tx: EntityManager,
    agentId: string,
    effects: RoutingEffects,
  ): Promise<void> {
    const still = await queryRows(
      tx,
      `update routing.agent_status set offline_handled = true
        where agent_id = $1 and presence = 'offline' and not offline_handled
          and offline_since < now() - make_interval(secs => $2::float8 / 1000)
        returning agent_id`,
      [agentId, this.env.ROUTING_OFFLINE_GRACE_MS],
    );
    if (still.length === 0) return;
    const requeued = await queryRows<{ conversationId: string }>(
      tx,
      `update routing.routes
          set state = 'queued', agent_id = null, queue_rank = ${QueueRank.Returned}, position = null,
              assigned_at = null, excluded_agent_id = null, apply_after = now(), apply_attempts = 0
        where agent_id = $1 and state = 'assigned' and not answered
        returning conversation_id as "conversationId"`,
      [agentId],
    );
    if (requeued.length === 0) return;
    await countChats(
      tx,
      requeued.map(() => agentId),
      -1,
    );
    for (const { conversationId } of requeued) effects.toApply.add(conversationId);
    effects.drain = true;
    effects.queueTouched = true;
    this.logger.log(
      { agentId, conversationIds: requeued.map((r) => r.conversationId) },
      'agent offline past the grace period: unanswered conversations requeued',
    );
  }
}
