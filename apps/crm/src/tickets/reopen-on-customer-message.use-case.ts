import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type MessageCreated } from '@hub/contracts';
import { SenderType, TicketStatus } from '@hub/domain';
import { Outbox } from '@hub/outbox';
import { Database, RpcClient } from '@hub/service-kit';
import { changeStatus } from './ticket-change';
import { cloneState } from './ticket-state';
import { TicketRecorder } from './ticket-writer';
import { TicketsRepository } from './tickets.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A customer wrote, on any channel: their solved ticket reopens when the message came within
 * the workspace's reopen window after the solve, and the message's conversation is linked to
 * it. The ticket is the one the conversation is linked to, or else the customer's most recently
 * solved one. A conversation linked to a ticket that is not solved (still open, or closed)
 * reopens nothing. Judged by the message's own time, so a redelivery or a replay of old
 * messages reopens nothing a live delivery would not have.
 */
@Injectable()
export class ReopenOnCustomerMessage {
  private readonly logger = new Logger(ReopenOnCustomerMessage.name);

  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
    private readonly tickets: TicketsRepository,
    private readonly recorder: TicketRecorder,
    private readonly outbox: Outbox,
  ) {}

  async execute(message: MessageCreated): Promise<void> {
    if (message.senderType !== SenderType.Customer) return;
    const candidate = await this.solvedTicketFor(message);
    if (!candidate?.solvedAt) return;
    const sentAt = new Date(message.createdAt);
    const windowDays = await this.reopenWindowDays(message.workspaceId);
    if (!withinWindow(candidate.solvedAt, sentAt, windowDays)) return;

    const events = await this.database.dataSource.transaction(async (tx) => {
      const before = await this.tickets.lock(tx, message.workspaceId, candidate.id);
      // Re-checked under the lock: an agent may have reopened or closed it meanwhile.
      const { solvedAt } = before.ticket;
      if (before.ticket.status !== TicketStatus.Solved || !solvedAt) return [];
      if (!withinWindow(solvedAt, sentAt, windowDays)) return [];
      const after = cloneState(before);
      changeStatus(after, TicketStatus.Open, sentAt);
      const linkedTo = await this.tickets.ticketOfConversation(
        tx,
        message.workspaceId,
        message.conversationId,
      );
      if (linkedTo === null) after.conversationIds.push(message.conversationId);
      return this.recorder.record(tx, {
        before,
        after,
        action: 'reopened',
        actor: { type: 'system', id: null },
      });
    });
    await this.outbox.flush(events);
    if (events.length > 0) {
      this.logger.log(
        { ticketId: candidate.id, conversationId: message.conversationId },
        'solved ticket reopened by a customer message',
      );
    }
  }

  // Every customer message on every channel asks this, so it is one statement through the
  // query runner instead of two TypeORM finds (they were most of this consumer's CPU). Each
  // branch is an index lookup; at most one of them can answer.
  private async solvedTicketFor(
    message: MessageCreated,
  ): Promise<{ id: string; solvedAt: Date } | undefined> {
    const rows: { id: string; solvedAt: Date }[] = await this.database.dataSource.query(
      `with linked as (
         select ticket_id from crm.ticket_conversations
          where workspace_id = $1 and conversation_id = $2)
       select id, solved_at as "solvedAt" from crm.tickets
        where id = (select ticket_id from linked) and status = '${TicketStatus.Solved}'
       union all
       (select id, solved_at as "solvedAt" from crm.tickets
         where not exists (select 1 from linked)
           and workspace_id = $1 and customer_id = $3 and status = '${TicketStatus.Solved}'
         order by solved_at desc, id desc limit 1)`,
      [message.workspaceId, message.conversationId, message.customerId],
    );
    return rows[0];
  }

  private async reopenWindowDays(workspaceId: string): Promise<number> {
    const settings = await this.rpc.request(SUBJECTS.gateway.getWorkspaceSettings, {
      workspaceId,
    });
    return settings.ticketReopenWindowDays;
  }
}

function withinWindow(solvedAt: Date, sentAt: Date, windowDays: number): boolean {
  const elapsed = sentAt.getTime() - solvedAt.getTime();
  return elapsed >= 0 && elapsed <= windowDays * DAY_MS;
}
