import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Customer } from '../customers/customer.entity';
import { Ticket } from '../tickets/ticket.entity';

// An internal note on a customer, a ticket or a conversation (at least one). authorId is a
// routing agent and conversationId a conversation-service row: no FK across schemas.
@Entity({ schema: 'crm', name: 'notes' })
@Index('ix_notes_customer', ['customerId'], { where: 'customer_id IS NOT NULL' })
// A customer's notes newest first, for the notes list and the timeline.
@Index('ix_notes_customer_created', ['customerId', 'createdAt', 'id'], {
  where: 'customer_id IS NOT NULL',
})
@Index('ix_notes_ticket', ['ticketId'], { where: 'ticket_id IS NOT NULL' })
@Index('ix_notes_conversation', ['conversationId'], { where: 'conversation_id IS NOT NULL' })
@Check('ck_notes_target', 'num_nonnulls(customer_id, ticket_id, conversation_id) >= 1')
export class Note {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_notes' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'body', type: 'text' })
  body!: string;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Customer, { name: 'fk_notes_customer', onDelete: 'CASCADE' })
  customerId!: string | null;

  @Column({ name: 'ticket_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Ticket, { name: 'fk_notes_ticket', onDelete: 'CASCADE' })
  ticketId!: string | null;

  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
