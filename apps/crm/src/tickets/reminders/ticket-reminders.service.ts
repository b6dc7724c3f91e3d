import { Injectable } from '@nestjs/common';
import type {
  CancelTicketReminderRequest,
  CreateTicketReminderRequest,
  GetTicketRequest,
  TicketReminderView,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { TicketError } from '../ticket.exception';
import { TicketsRepository } from '../tickets.repository';
import { TicketReminder } from './ticket-reminder.entity';

export function reminderViewOf(reminder: TicketReminder): TicketReminderView {
  return {
    id: reminder.id,
    ticketId: reminder.ticketId,
    remindAt: reminder.remindAt.toISOString(),
    note: reminder.note,
    createdBy: reminder.createdBy,
    notifiedAt: reminder.notifiedAt?.toISOString() ?? null,
  };
}

/** Follow-up reminders on a ticket: set, listed, cancelled. The due sweep sends them. */
@Injectable()
export class TicketRemindersService {
  constructor(
    private readonly database: Database,
    private readonly tickets: TicketsRepository,
  ) {}

  async create(request: CreateTicketReminderRequest): Promise<TicketReminderView> {
    const { workspaceId, ticketId } = request;
    const manager = this.database.dataSource.manager;
    await this.tickets.get(manager, workspaceId, ticketId);
    const reminder = manager.create(TicketReminder, {
      workspaceId,
      ticketId,
      remindAt: new Date(request.remindAt),
      note: request.note ?? null,
      createdBy: request.actor.agentId,
    });
    await manager.insert(TicketReminder, reminder);
    return reminderViewOf(await manager.findOneByOrFail(TicketReminder, { id: reminder.id }));
  }

  /** The ticket's reminders, soonest first, sent ones included. */
  async list({ workspaceId, ticketId }: GetTicketRequest): Promise<TicketReminderView[]> {
    const manager = this.database.dataSource.manager;
    await this.tickets.get(manager, workspaceId, ticketId);
    const reminders = await manager.find(TicketReminder, {
      where: { workspaceId, ticketId },
      order: { remindAt: 'ASC', id: 'ASC' },
    });
    return reminders.map(reminderViewOf);
  }

  async cancel({
    workspaceId,
    ticketId,
    reminderId,
  }: CancelTicketReminderRequest): Promise<TicketReminderView> {
    const rows = await this.database.dataSource.query<[TicketReminderRow[], number]>(
      `delete from crm.ticket_reminders
        where id = $1 and ticket_id = $2 and workspace_id = $3
        returning id, ticket_id, remind_at, note, created_by, notified_at`,
      [reminderId, ticketId, workspaceId],
    );
    const [row] = rows[0];
    if (!row) throw TicketError.reminderNotFound(reminderId);
    return {
      id: row.id,
      ticketId: row.ticket_id,
      remindAt: row.remind_at.toISOString(),
      note: row.note,
      createdBy: row.created_by,
      notifiedAt: row.notified_at?.toISOString() ?? null,
    };
  }
}

interface TicketReminderRow {
  id: string;
  ticket_id: string;
  remind_at: Date;
  note: string | null;
  created_by: string;
  notified_at: Date | null;
}
