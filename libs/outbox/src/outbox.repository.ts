import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';
import { IsNull, LessThan, type EntityManager } from 'typeorm';
import type { OutboxEntity, OutboxEvent } from './outbox-event.entity';

/** The injection token of the service's `outboxEntity(schema)`. */
export const OUTBOX_ENTITY = Symbol('OUTBOX_ENTITY');

/** An event as written: the database numbers it and fills in the times. */
export type NewOutboxEvent = Pick<OutboxEvent, 'workspaceId' | 'eventId' | 'subject' | 'payload'>;

/** Every read and write of outbox rows. Methods taking `tx` run in the caller's transaction. */
@Injectable()
export class OutboxRepository {
  constructor(
    private readonly database: Database,
    @Inject(OUTBOX_ENTITY) private readonly entity: OutboxEntity,
  ) {}

  /** One multi-row INSERT; an event id already written is skipped. */
  async insert(tx: EntityManager, events: NewOutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    await tx.createQueryBuilder().insert().into(this.entity).values(events).orIgnore().execute();
  }

  /** One UPDATE for all the events, in `tx` when given. */
  async markPublished(eventIds: string[], tx?: EntityManager): Promise<void> {
    if (eventIds.length === 0) return;
    await (tx ?? this.database.dataSource.manager)
      .createQueryBuilder()
      .update(this.entity)
      .set({ publishedAt: () => 'now()' })
      .where('event_id IN (:...ids)', { ids: eventIds })
      .execute();
  }

  /**
   * The oldest unpublished rows written before `writtenBefore`, locked; rows another replica's
   * sweep holds are skipped, so two sweeps never publish the same row at once.
   */
  claimUnpublished(
    tx: EntityManager,
    query: { writtenBefore: Date; limit: number },
  ): Promise<OutboxEvent[]> {
    return tx.find(this.entity, {
      where: { publishedAt: IsNull(), createdAt: LessThan(query.writtenBefore) },
      order: { id: 'ASC' },
      take: query.limit,
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
  }
}
