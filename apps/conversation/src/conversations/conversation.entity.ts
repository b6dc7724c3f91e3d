import { CONVERSATION_STATUSES, ConversationStatus, PRIORITIES, Priority } from '@hub/domain';
import { bigintToNumber, sqlIn } from '@hub/persistence';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Inbox } from '../inboxes/inbox.entity';

// customerId, departmentId and assigneeId belong to crm and routing: no foreign keys across
// schemas. The partial unique index is what stops two racing first messages from opening two
// conversations for one sender in one inbox; it is per sender (customer_external_id), not per
// customer, because a merged customer stands for several senders, each with its own chat.
@Entity({ schema: 'conversation', name: 'conversations' })
@Index('uq_conversations_active_sender', ['inboxId', 'customerId', 'customerExternalId'], {
  unique: true,
  where: `status NOT IN ('resolved', 'closed')`,
})
@Index('ix_conversations_workspace_status', ['workspaceId', 'status', 'updatedAt'])
@Index('ix_conversations_assignee', ['assigneeId', 'status'], { where: 'assignee_id IS NOT NULL' })
@Index('ix_conversations_department', ['departmentId', 'status'], {
  where: 'department_id IS NOT NULL',
})
@Index('ix_conversations_customer', ['customerId'])
@Index('ix_conversations_workspace_updated', ['workspaceId', 'updatedAt'])
// Search on the customer's id on the channel: trigram GIN (migration 1796220000000).
@Index('ix_conversations_external_id_trgm', { synchronize: false })
@Index('ix_conversations_inbox_customer_external', ['inboxId', 'customerExternalId', 'createdAt'])
@Check('ck_conversations_status', sqlIn('status', CONVERSATION_STATUSES))
@Check('ck_conversations_priority', sqlIn('priority', PRIORITIES))
@Check('ck_conversations_last_seq', 'last_seq >= 0')
@Check(
  'ck_conversations_durations',
  '(first_response_seconds IS NULL OR first_response_seconds >= 0) AND (resolution_seconds IS NULL OR resolution_seconds >= 0)',
)
@Check('ck_conversations_csat_rating', 'csat_rating is null or csat_rating between 1 and 5')
@Check('ck_conversations_csat_complete', '(csat_rating is null) = (csat_submitted_at is null)')
export class Conversation {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_conversations' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'inbox_id', type: 'uuid' })
  @ForeignKey(() => Inbox, { name: 'fk_conversations_inbox', onDelete: 'RESTRICT' })
  inboxId!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  /** The customer's id on the inbox's channel: where replies go. */
  @Column({ name: 'customer_external_id', type: 'text' })
  customerExternalId!: string;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'status', type: 'text', default: ConversationStatus.Open })
  status!: ConversationStatus;

  @Column({ name: 'priority', type: 'text', default: Priority.Normal })
  priority!: Priority;

  /** The seq of the newest message; the next message takes last_seq + 1 in its transaction. */
  @Column({ name: 'last_seq', type: 'bigint', default: 0, transformer: bigintToNumber })
  lastSeq!: number;

  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'first_response_seconds', type: 'integer', nullable: true })
  firstResponseSeconds!: number | null;

  @Column({ name: 'resolution_seconds', type: 'integer', nullable: true })
  resolutionSeconds!: number | null;

  /** Email: the subject the thread started with, without Re:/Fwd: (threading's fallback). */
  @Column({ name: 'subject', type: 'text', nullable: true })
  subject!: string | null;

  /** The customer's rating (1–5), once given; see csat/submit-csat.use-case.ts. */
  @Column({ name: 'csat_rating', type: 'smallint', nullable: true })
  csatRating!: number | null;

  @Column({ name: 'csat_comment', type: 'text', nullable: true })
  csatComment!: string | null;

  @Column({ name: 'csat_submitted_at', type: 'timestamptz', nullable: true })
  csatSubmittedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
