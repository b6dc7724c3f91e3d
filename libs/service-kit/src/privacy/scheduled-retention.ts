import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { WorkspaceRetention } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database';
import { PeriodicPass } from '../periodic-pass';
import { RpcClient } from '../nats/rpc-client';
import { SERVICE_NAME } from '../tokens';

const RETENTION_EVERY_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** What one run removed: workspace id → table → rows. */
export type RetentionReport = Record<string, Record<string, number>>;

/**
 * A service's retention job: once an hour it asks which workspaces keep data for a limited
 * number of days (gateway holds the settings), and removes what each holds from before its
 * cutoff. One replica at a time runs it (a PostgreSQL advisory lock named after the service;
 * the others skip that hour), and a failed run is retried at the next one. `run(now)` is
 * public for tests.
 */
@Injectable()
export abstract class ScheduledRetention
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected readonly logger = new Logger(this.constructor.name);
  private readonly periodic = new PeriodicPass(
    async () => {
      const report = await this.run();
      if (report) this.logger.log({ report }, 'retention applied');
    },
    {
      everyMs: RETENTION_EVERY_MS,
      logger: this.logger,
      failure: 'retention run failed; the next one retries',
    },
  );

  constructor(
    protected readonly database: Database,
    protected readonly rpc: RpcClient,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  /** The workspaces with a retention period (gateway's `gateway.workspace.retention.list`). */
  protected abstract workspaces(): Promise<WorkspaceRetention[]>;

  /** Removes (or anonymises) the workspace's data from before `cutoff`: table → rows. */
  protected abstract removeBefore(
    tx: EntityManager,
    workspaceId: string,
    cutoff: Date,
  ): Promise<Record<string, number>>;

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  /**
   * One run; null when another replica holds the lock. Each workspace is removed in its own
   * transaction, so a large one commits on its own and never holds back the others' work; a
   * failure stops the run, what was committed stays, and the next run picks up the rest.
   */
  async run(now = new Date()): Promise<RetentionReport | null> {
    const workspaces = await this.workspaces();
    const lockKey = `retention:${this.service}`;
    // The lock is the session's, held on this one connection for the whole run.
    const runner = (await this.database.connected()).createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(
        `select pg_try_advisory_lock(hashtextextended($1, 0)) as locked`,
        [lockKey],
      )) as { locked: boolean }[];
      if (!locked) return null;
      try {
        const report: RetentionReport = {};
        for (const { workspaceId, retentionDays } of workspaces) {
          const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
          await runner.startTransaction();
          try {
            report[workspaceId] = await this.removeBefore(runner.manager, workspaceId, cutoff);
            await runner.commitTransaction();
          } catch (error) {
            await runner.rollbackTransaction();
            throw error;
          }
        }
        return report;
      } finally {
        await runner.query(`select pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey]);
      }
    } finally {
      await runner.release();
    }
  }
}
