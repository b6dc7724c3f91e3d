import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ServiceEnv } from '@hub/config';
import type { RebuildReportsRequest, ReportRebuildView } from '@hub/contracts';
import { Database, Messaging, SERVICE_ENV } from '@hub/service-kit';
import type { QueryRunner } from 'typeorm';
import { ReportRebuild } from './report-rebuild.entity';
import { finishRebuild, rebuildView } from './report-rebuilds';
import { ReportError } from './report.exception';
import { replayIntoRebuildTables } from './replay-into-rebuild-tables';

/**
 * Starts a rebuild of one workspace's projection and answers at once; the replay runs in the
 * background on a connection of its own. A session advisory lock per workspace lets one run at
 * a time across replicas, and tells a row left `running` by a process that died from one that
 * really runs.
 */
@Injectable()
export class RebuildReports {
  private readonly logger = new Logger(RebuildReports.name);

  constructor(
    private readonly database: Database,
    private readonly messaging: Messaging,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
  ) {}

  async start(request: RebuildReportsRequest): Promise<ReportRebuildView> {
    const runner = this.database.dataSource.createQueryRunner();
    await runner.connect();
    let rebuild: ReportRebuild;
    try {
      rebuild = await this.claim(runner, request);
    } catch (error) {
      // The lock may be held already (the row's insert failed): a pooled connection keeps it.
      await this.letGo(runner, request.workspaceId);
      throw error;
    }
    void this.run(runner, rebuild);
    return rebuildView(rebuild);
  }

  private async claim(runner: QueryRunner, request: RebuildReportsRequest): Promise<ReportRebuild> {
    const [{ locked }] = await runner.manager.query<{ locked: boolean }[]>(
      `select pg_try_advisory_lock(hashtextextended($1, 0)) as locked`,
      [lockKey(request.workspaceId)],
    );
    if (!locked) throw ReportError.rebuildRunning(request.workspaceId);
    const rebuilds = runner.manager.getRepository(ReportRebuild);
    // Nobody holds the lock: a row still `running` was left by a process that died.
    await rebuilds.update(
      { workspaceId: request.workspaceId, status: 'running' },
      { status: 'failed', error: 'interrupted', finishedAt: new Date() },
    );
    return rebuilds.save(
      rebuilds.create({
        workspaceId: request.workspaceId,
        requestedBy: request.requestedBy,
        status: 'running',
      }),
    );
  }

  private async run(runner: QueryRunner, rebuild: ReportRebuild): Promise<void> {
    const progress = { eventsRead: 0 };
    try {
      await replayIntoRebuildTables({
        runner,
        workspaceId: rebuild.workspaceId,
        nc: await this.messaging.connected(),
        namespace: this.env.HUB_NAMESPACE,
        progress,
        // In the swap's transaction: the outcome commits with the swapped-in tables.
        beforeCommit: () => finishRebuild(runner.manager, { id: rebuild.id, ...progress }),
      });
      this.logger.log({ rebuildId: rebuild.id, ...progress }, 'reports rebuilt');
    } catch (error) {
      this.logger.error({ err: error, rebuildId: rebuild.id }, 'reports rebuild failed');
      await finishRebuild(this.database.dataSource.manager, {
        id: rebuild.id,
        ...progress,
        error: error instanceof Error ? error.message : String(error),
      }).catch((err: unknown) => this.logger.error({ err }, 'rebuild outcome not recorded'));
    } finally {
      await this.letGo(runner, rebuild.workspaceId);
    }
  }

  // Session locks outlive the release of a pooled connection: unlock first (a no-op when not held).
  private async letGo(runner: QueryRunner, workspaceId: string): Promise<void> {
    await runner
      .query(`select pg_advisory_unlock(hashtextextended($1, 0))`, [lockKey(workspaceId)])
      .catch((err: unknown) => this.logger.warn({ err }, 'rebuild lock not released'));
    await runner.release();
  }
}

function lockKey(workspaceId: string): string {
  return `reporting-rebuild:${workspaceId}`;
}
