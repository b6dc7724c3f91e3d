import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SUBJECTS, type CrmActor, type CustomerAction } from '@hub/contracts';
import { Outbox, pendingEvent, type PendingEvent } from '@hub/outbox';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import type { Channel } from '@hub/domain';
import type { AuditChange } from '../audit/audit-entry.entity';
import { AuditTrail } from '../audit/audit-trail';
import type { Customer } from './customer.entity';

/** One committed write of a customer record, as its audit entry and its event tell it. */
export interface CustomerWrite {
  workspaceId: string;
  customerId: string;
  action: CustomerAction;
  actor: CrmActor;
  /** The customer's VIP flag after the write. */
  vip: boolean;
  changes: AuditChange[];
}

/** Records writes in the caller's transaction: audit entries and events in the outbox. */
export type RecordWrite = (...writes: CustomerWrite[]) => Promise<void>;

/**
 * Runs a customer write in one transaction that also records it (audit entry + outbox event),
 * then publishes the events once committed: a write exists exactly when its record does.
 */
@Injectable()
export class CustomerWrites {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
  ) {}

  async run<T>(work: (tx: EntityManager, record: RecordWrite) => Promise<T>): Promise<T> {
    const events: PendingEvent[] = [];
    const result = await this.database.dataSource.transaction((tx) =>
      work(tx, async (...writes) => {
        events.push(...(await this.recordMany(tx, writes)));
      }),
    );
    await this.outbox.flush(events);
    return result;
  }

  /** For a caller with its own transaction: flush the returned events after its commit. */
  record(tx: EntityManager, write: CustomerWrite): Promise<PendingEvent[]> {
    return this.recordMany(tx, [write]);
  }

  // One multi-row insert of the audit entries and one of the events, however many writes.
  private async recordMany(tx: EntityManager, writes: CustomerWrite[]): Promise<PendingEvent[]> {
    await this.audit.record(
      tx,
      writes.map((write) => ({
        workspaceId: write.workspaceId,
        entityType: 'customer',
        entityId: write.customerId,
        action: write.action,
        actorType: write.actor.type,
        actorId: write.actor.id,
        changes: write.changes,
      })),
    );
    return this.outbox.add(
      tx,
      writes.map((write) =>
        pendingEvent(SUBJECTS.crm.customerChanged, write.workspaceId, {
          eventId: randomUUID(),
          workspaceId: write.workspaceId,
          occurredAt: new Date().toISOString(),
          customerId: write.customerId,
          action: write.action,
          vip: write.vip,
          changes: write.changes,
          actorType: write.actor.type,
          actorId: write.actor.id,
        }),
      ),
    );
  }

  flush(events: PendingEvent[]): Promise<void> {
    return this.outbox.flush(events);
  }
}

/** The system itself (a channel's first contact, automatic linking). */
export const SYSTEM_ACTOR: CrmActor = { type: 'system', id: null };

/** The write a first contact's new customer records: its fields and its first identity. */
export function customerCreated(
  customer: Customer,
  identity: { channel: Channel; externalId: string; verified: boolean },
): CustomerWrite {
  const fields = ['name', 'email', 'phone', 'emailVerified', 'phoneVerified'] as const;
  return {
    workspaceId: customer.workspaceId,
    customerId: customer.id,
    action: 'created',
    actor: SYSTEM_ACTOR,
    vip: customer.vip,
    changes: [
      ...fields
        .filter((field) => customer[field])
        .map((field) => ({ field, from: null, to: customer[field] })),
      { field: 'identities', from: null, to: identity },
    ],
  };
}
