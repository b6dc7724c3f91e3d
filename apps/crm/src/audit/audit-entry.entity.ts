import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { sqlIn } from '@hub/persistence';

export const AUDITED_ENTITIES = ['customer', 'ticket'] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

export const AUDIT_ACTORS = ['agent', 'system', 'integrator'] as const;
export type AuditActorType = (typeof AUDIT_ACTORS)[number];

/** One field a write changed; a created record lists its fields with `from: null`. */
export interface AuditChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** One write of a customer or ticket: who, when, what, and the old and new values. */
@Entity({ schema: 'crm', name: 'audit_entries' })
@Index('ix_audit_entries_entity', ['entityId', 'id'])
@Index('ix_audit_entries_workspace', ['workspaceId', 'occurredAt'])
@Check('ck_audit_entries_entity_type', sqlIn('entity_type', AUDITED_ENTITIES))
@Check('ck_audit_entries_actor_type', sqlIn('actor_type', AUDIT_ACTORS))
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_audit_entries',
  })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: AuditedEntity;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId!: string;

  /** What was done, e.g. `created`, `updated`, `merged`, `status_changed`. */
  @Column({ name: 'action', type: 'text' })
  action!: string;

  @Column({ name: 'actor_type', type: 'text' })
  actorType!: AuditActorType;

  /** The agent or API key; null for the system. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'changes', type: 'jsonb', default: () => "'[]'" })
  changes!: AuditChange[];

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;
}
