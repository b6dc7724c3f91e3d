import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type MessageCreated } from '@hub/contracts';
import { SenderType, TicketStatus } from '@hub/domain';
import { Outbox } from '@hub/outbox';
import { Database, GroupCommit, RpcClient, type Queued } from '@hub/service-kit';
import { changeStatus } from './ticket-change';
import { cloneState } from './ticket-state';
import { TicketRecorder } from './ticket-writer';
import { TicketsRepository } from './tickets.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
// Messages whose solved ticket is looked up in one statement at most (crm_messages handles 20
// at once).
const MAX_LOOKUPS = 64;

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

  private readonly solvedLookups = new GroupCommit<
    MessageCreated,
    { id: string; solvedAt: Date } | undefined
  >((batch) => this.solvedTicketsOf(batch), MAX_LOOKUPS);

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

  // Every customer message on every channel asks this: the questions of messages handled at
  // the same time go together (group commit), one statement for the lot, each branch an index
  // lookup per message, at most one of them answering.
  private solvedTicketFor(
    message: MessageCreated,
  ): Promise<{ id: string; solvedAt: Date } | undefined> {
    return this.solvedLookups.add(message);
  }

  private async solvedTicketsOf(
    batch: Queued<MessageCreated>[],
  ): Promise<Promise<{ id: string; solvedAt: Date } | undefined>[]> {
    const messages = batch.map(({ item }) => item);
    const rows: { n: number; id: string; solvedAt: Date }[] = await this.database.dataSource.query(
      `select m.n::int as n, t.id, t.solved_at as "solvedAt"
         from unnest($1::uuid[], $2::uuid[], $3::uuid[]) with ordinality
                as m(workspace_id, conversation_id, customer_id, n)
         cross join lateral (
           with linked as (
             select ticket_id from crm.ticket_conversations
              where workspace_id = m.workspace_id and conversation_id = m.conversation_id)
           select id, solved_at from crm.tickets
            where id = (select ticket_id from linked) and status = '${TicketStatus.Solved}'
           union all
           (select id, solved_at from crm.tickets
             where not exists (select 1 from linked)
               and workspace_id = m.workspace_id and customer_id = m.customer_id
               and status = '${TicketStatus.Solved}'
             order by solved_at desc, id desc limit 1)) t`,
      [
        messages.map((m) => m.workspaceId),
        messages.map((m) => m.conversationId),
        messages.map((m) => m.customerId),
      ],
    );
    const byMessage = new Map(rows.map(({ n, id, solvedAt }) => [n, { id, solvedAt }]));
    return messages.map((_, i) => Promise.resolve(byMessage.get(i + 1)));
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
