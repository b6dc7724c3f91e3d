import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { TicketPriority } from './ticket-priority.entity';

/** A conversation linked to a ticket, as the ticket's last event listed them. */
@Entity({ schema: 'routing', name: 'ticket_conversations' })
@Index('ix_ticket_conversations_conversation', ['conversationId'])
export class TicketConversation {
  @PrimaryColumn({
    name: 'ticket_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_ticket_conversations',
  })
  @ForeignKey(() => TicketPriority, { name: 'fk_ticket_conversations_ticket', onDelete: 'CASCADE' })
  ticketId!: string;

  @PrimaryColumn({
    name: 'conversation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_ticket_conversations',
  })
  conversationId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;
}
