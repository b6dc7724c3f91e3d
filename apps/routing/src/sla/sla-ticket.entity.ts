import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Priority, TicketStatus } from '@hub/domain';

// What routing last knew of a ticket, from `evt.crm.ticket.changed.v1`: an event with a
// version not above `version` is old news. `conversationIds` sends a message on any linked
// conversation to the ticket's clocks.
@Entity({ schema: 'routing', name: 'sla_tickets' })
// A GIN index (`@>` lookups by conversation), which TypeORM cannot describe: the migration
// owns it and the schema builder leaves it alone.
@Index('ix_sla_tickets_conversations', { synchronize: false })
export class SlaTicket {
  @PrimaryColumn({ name: 'ticket_id', type: 'uuid', primaryKeyConstraintName: 'pk_sla_tickets' })
  ticketId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'status', type: 'text' })
  status!: TicketStatus;

  @Column({ name: 'priority', type: 'text' })
  priority!: Priority;

  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId!: string | null;

  @Column({ name: 'vip', type: 'boolean' })
  vip!: boolean;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ name: 'conversation_ids', type: 'uuid', array: true, default: () => "'{}'" })
  conversationIds!: string[];
}
