import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEntry } from './audit-entry.entity';

export type NewAuditEntry = Pick<
  AuditEntry,
  'workspaceId' | 'entityType' | 'entityId' | 'action' | 'actorType' | 'actorId' | 'changes'
>;

/** Writes audit entries in the caller's transaction, so an entry exists exactly when its write does. */
@Injectable()
export class AuditTrail {
  async record(tx: EntityManager, entries: NewAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // The changes are any JSON values, which TypeORM's deep-partial type cannot follow.
    await tx
      .createQueryBuilder()
      .insert()
      .into(AuditEntry)
      .values(entries as QueryDeepPartialEntity<AuditEntry>[])
      .execute();
  }

  /** One record's entries, oldest first. */
  history(tx: EntityManager, workspaceId: string, entityId: string): Promise<AuditEntry[]> {
    return tx.find(AuditEntry, { where: { workspaceId, entityId }, order: { id: 'ASC' } });
  }
}
