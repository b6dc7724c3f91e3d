import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Ticket } from '../ticket.entity';

// A follow-up reminder on a ticket: at remindAt the ticket's assignee (or, when nobody has it,
// whoever set the reminder) gets a realtime notice. notifiedAt marks it done; the due sweep
// claims rows with SKIP LOCKED so replicas share the work. createdBy is a routing agent: no FK.
@Entity({ schema: 'crm', name: 'ticket_reminders' })
@Index('ix_ticket_reminders_due', ['remindAt'], { where: 'notified_at IS NULL' })
@Index('ix_ticket_reminders_ticket', ['ticketId', 'remindAt'])
export class TicketReminder {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_ticket_reminders' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  @ForeignKey(() => Ticket, { name: 'fk_ticket_reminders_ticket', onDelete: 'CASCADE' })
  ticketId!: string;

  @Column({ name: 'remind_at', type: 'timestamptz' })
  remindAt!: Date;

  @Column({ name: 'note', type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt!: Date | null;
}
