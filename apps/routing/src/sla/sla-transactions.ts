import { Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { ClockBook } from './clock-book';
import { SlaNotifier } from './sla-notices';

type SlaWork = (book: ClockBook, tx: EntityManager) => Promise<void>;

/**
 * Runs clock changes of one workspace in a transaction holding its SLA lock, so events of one
 * ticket and of its conversations, handled by different consumers or replicas, apply one at a
 * time; the notices go to the outbox before the commit and out after it. (Not routing's
 * assignment lock: SLA work never waits for assignments, nor they for it.)
 */
@Injectable()
export class SlaTransactions {
  constructor(
    private readonly database: Database,
    private readonly notifier: SlaNotifier,
  ) {}

  async run(workspaceId: string, work: SlaWork): Promise<void> {
    const { pending, notices } = await this.database.dataSource.transaction(async (tx) => {
      // Its own statement, before anything is read (a statement's snapshot predates its lock).
      await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `routing.sla:${workspaceId}`,
      ]);
      const book = new ClockBook(tx, workspaceId);
      await work(book, tx);
      return { pending: await this.notifier.record(tx, book.notices), notices: book.notices };
    });
    await this.notifier.publish(pending, notices);
  }
}
