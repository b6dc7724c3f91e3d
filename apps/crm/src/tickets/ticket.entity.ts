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
import { Customer } from '../customers/customer.entity';

// A ticket is a work item: deleting a customer who still has tickets is refused (RESTRICT).
// assigneeId (routing) and conversationId (conversation) live in other schemas: no FK.
@Entity({ schema: 'crm', name: 'tickets' })
@Index('ix_tickets_workspace_status', ['workspaceId', 'status', 'updatedAt'])
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

  @Column({ name: 'category', type: 'text', nullable: true })
  category!: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'customer_id', type: 'uuid' })
  @ForeignKey(() => Customer, { name: 'fk_tickets_customer', onDelete: 'RESTRICT' })
  customerId!: string;

  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId!: string | null;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
