import { TICKET_SOURCES, type TicketSource } from '@hub/contracts';
import { PRIORITIES, Priority, TICKET_STATUSES, TicketStatus } from '@hub/domain';
import { sqlIn } from '@hub/persistence';
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
import { TicketCategory } from '../categories/ticket-category.entity';
import { Customer } from '../customers/customer.entity';

// A ticket is a work item: deleting a customer who still has tickets is refused (RESTRICT), so
// is deleting a category in use. assigneeId and departmentId (routing) live in another schema:
// no FK. Its conversations are TicketConversation rows.
@Entity({ schema: 'crm', name: 'tickets' })
@Index('ix_tickets_workspace_status', ['workspaceId', 'status', 'updatedAt'])
@Index('ix_tickets_workspace_created', ['workspaceId', 'createdAt', 'id'])
@Index('ix_tickets_category', ['categoryId'], { where: 'category_id IS NOT NULL' })
@Index('ix_tickets_customer_solved', ['customerId', 'solvedAt'], { where: "status = 'solved'" })
@Check('ck_tickets_version', 'version >= 1')
@Index('ix_tickets_customer', ['customerId'])
@Index('ix_tickets_assignee', ['assigneeId', 'status'], { where: 'assignee_id IS NOT NULL' })
@Check('ck_tickets_status', sqlIn('status', TICKET_STATUSES))
@Check('ck_tickets_priority', sqlIn('priority', PRIORITIES))
@Check('ck_tickets_source', sqlIn('source', TICKET_SOURCES))
@Index('uq_tickets_workspace_client_message', ['workspaceId', 'clientMessageId'], {
  unique: true,
  where: 'client_message_id IS NOT NULL',
})
export class Ticket {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_tickets' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'subject', type: 'text' })
  subject!: string;

  // The text the ticket was opened with (a visitor's offline message), kept whole.
  @Column({ name: 'description', type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'status', type: 'text', default: TicketStatus.Open })
  status!: TicketStatus;

  @Column({ name: 'priority', type: 'text', default: Priority.Normal })
  priority!: Priority;

  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  @ForeignKey(() => TicketCategory, { name: 'fk_tickets_category', onDelete: 'RESTRICT' })
  categoryId!: string | null;

  @Column({ name: 'tags', type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'customer_id', type: 'uuid' })
  @ForeignKey(() => Customer, { name: 'fk_tickets_customer', onDelete: 'RESTRICT' })
  customerId!: string;

  // A routing department (another schema): no FK.
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ name: 'source', type: 'text', nullable: true })
  source!: TicketSource | null;

  // The client's id for what opened the ticket: a resend finds the first ticket.
  @Column({ name: 'client_message_id', type: 'text', nullable: true })
  clientMessageId!: string | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  // Set when the ticket is solved, cleared when it leaves `solved`: the reopen window counts
  // from here.
  @Column({ name: 'solved_at', type: 'timestamptz', nullable: true })
  solvedAt!: Date | null;

  /** Bumped by every write: a writer holding an older version gets TICKET_CONFLICT. */
  @Column({ name: 'version', type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
