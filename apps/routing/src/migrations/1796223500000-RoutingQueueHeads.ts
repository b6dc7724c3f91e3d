import type { MigrationInterface, QueryRunner } from 'typeorm';

// Queue events whose cost does not grow with the queue (queues/queue.repository.ts):
// ix_routes_department_queue reads each department's queue in order (its head, its length,
// the rows ahead of one conversation) without walking the others; ix_routes_unnumbered finds
// the arrivals not yet given a position without reading the numbered ones.
export class RoutingQueueHeads1796223500000 implements MigrationInterface {
  readonly name = 'RoutingQueueHeads1796223500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create index ix_routes_department_queue
        on routing.routes (workspace_id, department_id, priority, queue_rank, enqueued_at, conversation_id)
        where state = 'queued';
      create index ix_routes_unnumbered
        on routing.routes (workspace_id)
        where state = 'queued' and position is null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop index routing.ix_routes_unnumbered;
      drop index routing.ix_routes_department_queue;
    `);
  }
}
