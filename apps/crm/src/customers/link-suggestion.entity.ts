import { sqlIn } from '@hub/persistence';
import {
  LINK_SUGGESTION_REASONS,
  LINK_SUGGESTION_STATUSES,
  type LinkSuggestionReason,
  type LinkSuggestionStatus,
} from '@hub/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Customer } from './customer.entity';

/**
 * Two customers of a workspace that may be one person (same name, or an email or phone that is
 * not verified on both): shown to agents, never linked without one. The pair is unordered, so
 * `customerId` is always the smaller id and each pair and reason has one row.
 */
@Entity({ schema: 'crm', name: 'customer_link_suggestions' })
@Unique('uq_customer_link_suggestions_pair', ['customerId', 'candidateId', 'reason'])
@Index('ix_customer_link_suggestions_candidate', ['candidateId'])
@Check('ck_customer_link_suggestions_order', 'customer_id < candidate_id')
@Check('ck_customer_link_suggestions_reason', sqlIn('reason', LINK_SUGGESTION_REASONS))
@Check('ck_customer_link_suggestions_status', sqlIn('status', LINK_SUGGESTION_STATUSES))
export class LinkSuggestion {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'pk_customer_link_suggestions',
  })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  @ForeignKey(() => Customer, {
    name: 'fk_customer_link_suggestions_customer',
    onDelete: 'CASCADE',
  })
  customerId!: string;

  @Column({ name: 'candidate_id', type: 'uuid' })
  @ForeignKey(() => Customer, {
    name: 'fk_customer_link_suggestions_candidate',
    onDelete: 'CASCADE',
  })
  candidateId!: string;

  @Column({ name: 'reason', type: 'text' })
  reason!: LinkSuggestionReason;

  @Column({ name: 'status', type: 'text', default: 'pending' })
  status!: LinkSuggestionStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** The agent who accepted or dismissed it. */
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;
}
