import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** An event written with the change that made it true, published after the commit. */
@Entity({ schema: 'conversation', name: 'outbox' })
@Unique('uq_outbox_event_id', ['eventId'])
@Index('ix_outbox_unpublished', ['id'], { where: 'published_at IS NULL' })
export class OutboxEvent {
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

  /** The logical subject (before namespacing). */
  @Column({ name: 'subject', type: 'text' })
  subject!: string;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
