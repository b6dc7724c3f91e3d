import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Database, PeriodicPass, SERVICE_ENV } from '@hub/service-kit';
import { AssignmentApplier } from '../acd/assignment-applier';
import { RoutesRepository } from '../acd/routes.repository';
import { RoutingTransactions } from '../acd/routing-transactions';
import { PresenceSweep } from '../presence/presence-sweep';
import type { RoutingEnv } from '../routing.env';

// Every this many sweeps, drain every workspace with waiting conversations: a safety net for a
// trigger lost to a crash between a commit and its drain. The same pass renumbers whole queues:
// a queue event renumbers only the head, so those further back hear how far they moved here.
const SAFETY_DRAIN_EVERY = 10;

/**
 * The one timer of the process (not one per agent or per socket): drops sockets of silent
 * gateways, requeues after the offline grace, applies decisions not applied yet. Each step is
 * safe with other replicas sweeping at the same time. A sweep never overlaps the previous one.
 */
@Injectable()
export class RoutingSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RoutingSweeper.name);
  private readonly periodic: PeriodicPass;
  private ticks = 0;
  private readonly routes: RoutesRepository;

  constructor(
    private readonly database: Database,
    private readonly presence: PresenceSweep,
    private readonly applier: AssignmentApplier,
    private readonly routing: RoutingTransactions,
    @Inject(SERVICE_ENV) env: RoutingEnv,
  ) {
    this.routes = new RoutesRepository(database.dataSource.manager);
    this.periodic = new PeriodicPass(
      async () => {
        if (this.database.dataSource.isInitialized) await this.sweep();
      },
      {
        everyMs: env.ROUTING_SWEEP_INTERVAL_MS,
        logger: this.logger,
        failure: 'routing sweep failed; next one retries',
      },
    );
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  private async sweep(): Promise<void> {
    await this.presence.dropStaleConnections();
    await this.presence.requeueAfterGrace();
    await this.applier.sweep();
    if (++this.ticks % SAFETY_DRAIN_EVERY === 0) await this.drainWaiting();
  }

  private async drainWaiting(): Promise<void> {
    for (const workspaceId of await this.routes.workspacesWithWaiting(100)) {
      await this.routing.run(workspaceId, (_tx, effects) => {
        effects.drain = true;
        effects.renumberWholeQueues = true;
        return Promise.resolve();
      });
    }
  }
}
