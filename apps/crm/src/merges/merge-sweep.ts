import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Database, PeriodicPass } from '@hub/service-kit';
import { ConversationStep } from './conversation-step';

const SWEEP_EVERY_MS = 5_000;
/** Younger merges are still being completed by the request that made them. */
const SWEEP_AFTER_SECONDS = 10;
const BATCH = 20;

/**
 * Finishes the conversation service's part of merges and undos whose request could not (the
 * service was down, the reply was lost). Replicas share the work: a merge another one holds is
 * skipped.
 */
@Injectable()
export class MergeSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly periodic = new PeriodicPass(() => this.sweep(), {
    everyMs: SWEEP_EVERY_MS,
    logger: new Logger(MergeSweep.name),
    failure: 'merge sweep failed; next round retries',
  });

  constructor(
    private readonly database: Database,
    private readonly step: ConversationStep,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  async sweep(): Promise<void> {
    const pending = await this.database.dataSource.query<{ id: string }[]>(
      `select id from crm.customer_merges
        where ((undone_at is null and conversations_moved_at is null)
           or (undone_at is not null and conversations_returned_at is null))
          and coalesce(undone_at, merged_at) < now() - make_interval(secs => $1)
        order by merged_at limit $2`,
      [SWEEP_AFTER_SECONDS, BATCH],
    );
    for (const { id } of pending) await this.step.run(id, { skipLocked: true });
  }
}
