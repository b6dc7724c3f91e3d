import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { Ticket } from './ticket.entity';

// A conversation (any channel) linked to a ticket; one ticket at a time per conversation.
// conversationId lives in conversation's schema: no FK.
@Entity({ schema: 'crm', name: 'ticket_conversations' })
@Unique('uq_ticket_conversations_conversation', ['workspaceId', 'conversationId'])
export class TicketConversation {
  @PrimaryColumn({
    name: 'ticket_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_ticket_conversations',
  })
  @ForeignKey(() => Ticket, { name: 'fk_ticket_conversations_ticket', onDelete: 'CASCADE' })
  ticketId!: string;

  @PrimaryColumn({
    name: 'conversation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_ticket_conversations',
  })
  conversationId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @CreateDateColumn({ name: 'linked_at', type: 'timestamptz' })
  linkedAt!: Date;
}
