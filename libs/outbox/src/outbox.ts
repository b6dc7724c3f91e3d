import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { eventContractOf, type EventContract, type PayloadOf } from '@hub/contracts';
import { Database, Messaging } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { OutboxRepository } from './outbox.repository';

/** An event of the contract `E` (from `SUBJECTS`), to publish once its transaction commits. */
export interface PendingEvent<E extends EventContract = EventContract> {
  workspaceId: string;
  eventId: string;
  event: E;
  payload: PayloadOf<E>;
}

/** The pending event of `event` with `payload`, keyed by the payload's own event id. */
export function pendingEvent<E extends EventContract<string, { eventId: string }>>(
  event: E,
  workspaceId: string,
  payload: PayloadOf<E>,
): PendingEvent {
  return { workspaceId, eventId: payload.eventId, event, payload };
}

const SWEEP_EVERY_MS = 2_000;
const MARK_EVERY_MS = 100;
/** Younger rows are still being published by the request that wrote them. */
const SWEEP_AFTER_MS = 5_000;

/**
 * Transactional outbox: `add` writes events in the caller's transaction, `flush` publishes them
 * right after the commit (Nats-Msg-Id = eventId, so a double publish is dropped by the stream),
 * and a sweep publishes whatever a crash left behind. Events are never lost, only late.
 */
@Injectable()
export class Outbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Outbox.name);
  private sweepTimer?: NodeJS.Timeout;
  private markTimer?: NodeJS.Timeout;
  private readonly published: string[] = [];

  constructor(
    private readonly database: Database,
    private readonly messaging: Messaging,
    private readonly rows: OutboxRepository,
  ) {}

  async add(tx: EntityManager, events: PendingEvent[]): Promise<PendingEvent[]> {
    await this.rows.insert(
      tx,
      events.map(({ workspaceId, eventId, event, payload }) => ({
        workspaceId,
        eventId,
        subject: event.subjectOf(payload),
        payload,
      })),
    );
    return events;
  }

  /**
   * Publishes events whose transaction has committed; failures are left to the sweep. All are
   * sent at once and their acks awaited together (one connection keeps them in stream order).
   */
  async flush(events: PendingEvent[]): Promise<void> {
    const outcomes = await Promise.allSettled(
      events.map((event) =>
        this.messaging.publisher.publish(event.event, event.payload, { msgId: event.eventId }),
      ),
    );
    const failed = outcomes.filter(
      (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
    );
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') this.published.push(events[i].eventId);
    });
    if (failed.length > 0) {
      this.logger.warn(
        { err: failed[0].reason as unknown, count: failed.length },
        'events not published yet; the outbox sweep will retry',
      );
    }
  }

  onApplicationBootstrap(): void {
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.markTimer = setInterval(() => void this.markPublished(), MARK_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweepTimer);
    clearInterval(this.markTimer);
    await this.markPublished();
  }

  // One UPDATE for every event published since the last tick instead of one per event; a row
  // not marked before a crash is only published again by the sweep, and the stream drops it
  // by its msg id.
  private async markPublished(): Promise<void> {
    if (this.published.length === 0 || !this.database.dataSource.isInitialized) return;
    const ids = this.published.splice(0);
    try {
      await this.rows.markPublished(ids);
    } catch (error) {
      this.logger.warn(
        { err: error, count: ids.length },
        'published events not marked; the sweep may publish them again',
      );
    }
  }

  private async sweep(): Promise<void> {
    if (!this.messaging.isReady() || !this.database.dataSource.isInitialized) return;
    try {
      await this.database.dataSource.transaction(async (tx) => {
        const stale = await this.rows.claimUnpublished(tx, {
          writtenBefore: new Date(Date.now() - SWEEP_AFTER_MS),
          limit: 200,
        });
        const known = stale.flatMap((row) => {
          // add() stored the payload of the contract its subject belongs to.
          const event = eventContractOf(row.subject);
          if (event) return [{ event, payload: row.payload, msgId: row.eventId }];
          // Written by a newer version during a rolling update: its own sweep publishes it.
          this.logger.warn(
            { subject: row.subject, eventId: row.eventId },
            'outbox row of an unknown event left',
          );
          return [];
        });
        // A bounded window of publishes in flight, then one UPDATE for all of them.
        await this.messaging.publisher.publishMany(known, { maxInFlight: 64 });
        await this.rows.markPublished(
          known.map((item) => item.msgId),
          tx,
        );
        if (stale.length > 0)
          this.logger.log({ count: stale.length }, 'outbox sweep published late events');
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox sweep failed; retrying on the next tick');
    }
  }
}
