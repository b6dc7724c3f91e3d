import { Inject, Injectable, Logger } from '@nestjs/common';
import { Database, SERVICE_ENV } from '@hub/service-kit';
import type { RoutingEffects } from '../acd/routing-effects';
import { RoutingTransactions } from '../acd/routing-transactions';
import type { RoutingData } from '../routing-data';
import type { RoutingEnv } from '../routing.env';
import { PresenceRepository } from './presence.repository';
import { PresenceService } from './presence.service';

/**
 * The presence half of the routing sweep. Safe with several replicas: stale sockets are
 * deleted by one statement (each row goes to one replica), and the grace requeue re-checks
 * its agent under the workspace lock, so a second replica finds nothing left to do.
 */
@Injectable()
export class PresenceSweep {
  private readonly logger = new Logger(PresenceSweep.name);
  private readonly presenceData: PresenceRepository;

  constructor(
    database: Database,
    private readonly routing: RoutingTransactions,
    private readonly presence: PresenceService,
    @Inject(SERVICE_ENV) private readonly env: RoutingEnv,
  ) {
    this.presenceData = new PresenceRepository(database.dataSource.manager);
  }

  /** Drops sockets of gateways that stopped beating; their agents may go offline. */
  async dropStaleConnections(): Promise<void> {
    const dropped = await this.presenceData.dropStale(this.env.ROUTING_GATEWAY_TIMEOUT_MS);
    if (dropped.length === 0) return;
    this.logger.warn(
      { count: dropped.length, gatewayIds: [...new Set(dropped.map((d) => d.gatewayId))] },
      'dropped agent connections of silent gateways',
    );
    await this.presence.recompute(dropped);
  }

  /** Requeues the unanswered conversations of agents offline for longer than the grace period. */
  async requeueAfterGrace(): Promise<void> {
    const graceMs = this.env.ROUTING_OFFLINE_GRACE_MS;
    const due = await this.presenceData.offlinePastGrace(graceMs, 50);
    for (const { workspaceId, agentId } of due) {
      let requeued: string[] = [];
      await this.routing.run(workspaceId, async (data, effects) => {
        requeued = await requeueUnanswered(data, { agentId, graceMs }, effects);
      });
      if (requeued.length === 0) continue;
      this.logger.log(
        { agentId, conversationIds: requeued },
        'agent offline past the grace period: unanswered conversations requeued',
      );
    }
  }
}

/**
 * Under the workspace lock: when the agent is still offline past the grace period, their
 * unanswered conversations go to the FRONT of their queues (their customers have waited
 * longest and lost their agent through no fault of their own); answered ones stay with them.
 * Returns the requeued conversations.
 */
export async function requeueUnanswered(
  data: RoutingData,
  { agentId, graceMs }: { agentId: string; graceMs: number },
  effects: RoutingEffects,
): Promise<string[]> {
  if (!(await data.presence.takeOfflinePastGrace(agentId, graceMs))) return [];
  const requeued = await data.routes.requeueUnanswered(agentId);
  if (requeued.length === 0) return [];
  await data.agents.countChats(
    requeued.map(() => agentId),
    -1,
  );
  for (const conversationId of requeued) effects.toApply.add(conversationId);
  effects.drain = true;
  effects.queueTouched = true;
  return requeued;
}
