import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** An event written with the change that made it true, published after the commit. */
export interface OutboxEvent {
  id: string;
  workspaceId: string;
  eventId: string;
  /** The logical subject (before namespacing). */
  subject: string;
  payload: object;
  createdAt: Date;
  publishedAt: Date | null;
}

export type OutboxEntity = new () => OutboxEvent;

const entities = new Map<string, OutboxEntity>();

/**
 * The entity of `<schema>.outbox`: each service keeps its outbox in its own schema (its migration
 * creates the table), so one class per schema, made once.
 */
export function outboxEntity(schema: string): OutboxEntity {
  const known = entities.get(schema);
  if (known) return known;

  @Entity({ schema, name: 'outbox' })
  @Unique('uq_outbox_event_id', ['eventId'])
  @Index('ix_outbox_unpublished', ['id'], { where: 'published_at IS NULL' })
  class SchemaOutboxEvent implements OutboxEvent {
    @PrimaryGeneratedColumn('identity', {
      name: 'id',
      type: 'bigint',
      generatedIdentity: 'ALWAYS',
      primaryKeyConstraintName: 'pk_outbox',
    })
    id!: string;

    @Column({ name: 'workspace_id', type: 'uuid' })
    workspaceId!: string;

    @Column({ name: 'event_id', type: 'text' })
    eventId!: string;

    @Column({ name: 'subject', type: 'text' })
    subject!: string;

    @Column({ name: 'payload', type: 'jsonb' })
    payload!: object;

    @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
    createdAt!: Date;

    @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
    publishedAt!: Date | null;
  }
  entities.set(schema, SchemaOutboxEvent);
  return SchemaOutboxEvent;
}
