import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

// What routing knows of one crm ticket (from evt.crm.ticket.changed.v1): the queue priority it
// gives its linked conversations (null once solved or closed), at the ticket version it last
// heard, so a late event changes nothing.
@Entity({ schema: 'routing', name: 'ticket_priorities' })
@Check('ck_ticket_priorities_priority', 'priority between 0 and 3')
export class TicketPriority {
  @PrimaryColumn({
    name: 'ticket_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_ticket_priorities',
  })
  ticketId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'priority', type: 'smallint', nullable: true })
  priority!: number | null;
}
