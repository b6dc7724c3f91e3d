import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { realtimeSubjects } from '@hub/contracts';
import { Database, PeriodicPass, Realtime } from '@hub/service-kit';

const SWEEP_EVERY_MS = 1_000;
const BATCH = 100;

interface DueReminder {
  id: string;
  workspace_id: string;
  ticket_id: string;
  remind_at: Date;
  note: string | null;
  recipient: string;
  subject: string;
}

/**
 * Sends due reminders: each tick claims up to 100 due rows (SKIP LOCKED, so every replica
 * sweeps and none sends a reminder another holds), marks them sent in the same statement and
 * tells the ticket's assignee (or, when nobody has the ticket, the agent who set it) on the
 * agent socket. The notice is realtime: an agent without a socket then sees it in the ticket's
 * reminders (`notifiedAt`).
 */
@Injectable()
export class ReminderSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly periodic = new PeriodicPass(() => this.sweep(), {
    everyMs: SWEEP_EVERY_MS,
    logger: new Logger(ReminderSweep.name),
    failure: 'reminder sweep failed; retrying on the next tick',
  });

  constructor(
    private readonly database: Database,
    private readonly realtime: Realtime,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  /** One pass; answers how many reminders it sent. */
  async sweep(): Promise<number> {
    if (!this.database.dataSource.isInitialized) return 0;
    const [due] = await this.database.dataSource.query<[DueReminder[], number]>(
      `with due as (
         select id from crm.ticket_reminders
          where notified_at is null and remind_at <= now()
          order by remind_at
          limit $1
          for update skip locked)
       update crm.ticket_reminders r set notified_at = now()
         from due, crm.tickets t
        where r.id = due.id and t.id = r.ticket_id
       returning r.id, r.workspace_id, r.ticket_id, r.remind_at, r.note, t.subject,
                 coalesce(t.assignee_id, r.created_by) as recipient`,
      [BATCH],
    );
    for (const reminder of due) await this.notify(reminder);
    return due.length;
  }

  private async notify(reminder: DueReminder): Promise<void> {
    await this.realtime.publish(realtimeSubjects.agent(reminder.recipient), {
      type: 'ticket.reminder',
      workspaceId: reminder.workspace_id,
      reminderId: reminder.id,
      ticketId: reminder.ticket_id,
      subject: reminder.subject,
      remindAt: reminder.remind_at.toISOString(),
      note: reminder.note,
    });
  }
}
