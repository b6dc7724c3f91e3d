import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// One row per ticket write, keyed by its event id: the ticket as it stood after it.
@Entity({ schema: 'reporting', name: 'ticket_events' })
@Index('ix_ticket_events_workspace', ['workspaceId', 'ticketCreatedAt'])
export class TicketEventFact {
  @PrimaryColumn({ name: 'event_id', type: 'text', primaryKeyConstraintName: 'pk_ticket_events' })
  eventId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId!: string;

  @Column({ name: 'ticket_created_at', type: 'timestamptz' })
  ticketCreatedAt!: Date;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'status', type: 'text' })
  status!: string;

  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  agentId!: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;
}
