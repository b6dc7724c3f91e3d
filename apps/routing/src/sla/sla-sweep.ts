import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Database, PeriodicPass, SERVICE_ENV } from '@hub/service-kit';
import type { RoutingEnv } from '../routing.env';
import { nextAlert } from './clock-schedule';
import { Clock } from '../business-hours/clock';
import { SlaClocksRepository } from './sla-clocks.repository';
import { clockEvent, SlaNotifier, type SlaNotice } from './sla-notices';

const CLAIM = 100;

/**
 * Tells warnings (75 % of the target used) and breaches as their time comes, on its own timer.
 * Each pass claims due clocks with SKIP LOCKED, so replicas share the work and an alert is
 * told once; a clock stopped or paused before its time has no alert left to claim.
 */
@Injectable()
export class SlaSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaSweep.name);
  private readonly periodic: PeriodicPass;

  constructor(
    private readonly database: Database,
    private readonly notifier: SlaNotifier,
    private readonly clock: Clock,
    @Inject(SERVICE_ENV) env: RoutingEnv,
  ) {
    this.periodic = new PeriodicPass(() => this.sweepWhenConnected(), {
      everyMs: env.ROUTING_SLA_SWEEP_INTERVAL_MS,
      logger: this.logger,
      failure: 'SLA sweep failed; the next one retries',
    });
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  private async sweepWhenConnected(): Promise<void> {
    if (this.database.dataSource.isInitialized) await this.sweep();
  }

  /** Tells every alert due by the clock's now; resolves with how many were told. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    let told = 0;
    for (;;) {
      const { claimed, notices } = await this.pass(now);
      told += notices.length;
      if (claimed < CLAIM) return told;
    }
  }

  private async pass(now: Date): Promise<{ claimed: number; notices: SlaNotice[] }> {
    const result = await this.database.dataSource.transaction(async (tx) => {
      const clocks = new SlaClocksRepository(tx);
      const notices: SlaNotice[] = [];
      const claimed = await clocks.claimAlerts(now, CLAIM);
      for (const clock of claimed) {
        if (!clock.warnedAt && clock.warnAt && clock.warnAt <= now) {
          clock.warnedAt = now;
          notices.push(clockEvent(clock, clock.warnAt, 'warned'));
        }
        if (!clock.breachedAt && clock.dueAt && clock.dueAt <= now) {
          clock.breachedAt = now;
          notices.push(clockEvent(clock, clock.dueAt, 'breached'));
        }
        clock.nextAlertAt = nextAlert(clock);
        await clocks.save(clock);
      }
      return { claimed: claimed.length, notices, pending: await this.notifier.record(tx, notices) };
    });
    await this.notifier.publish(result.pending, result.notices);
    return result;
  }
}
