import { Injectable } from '@nestjs/common';
import type { TicketChanged, TicketSnapshot } from '@hub/contracts';
import { TicketStatus } from '@hub/domain';
import type { ClockBook } from './clock-book';
import { ticketSubject } from './clock-subjects';
import type { SlaTicket } from './sla-ticket.entity';
import { SlaTicketsRepository } from './sla-tickets.repository';
import { SlaTransactions } from './sla-transactions';

const ENDED: readonly string[] = [TicketStatus.Solved, TicketStatus.Closed];
/**
 * Deliveries a change waits for the versions before it (redelivered after the consumer's
 * backoff, about 1 s then 2 s) before it is applied without them.
 */
const GAP_WAIT_DELIVERIES = 3;

/** A ticket change arrived before an earlier one (another replica may hold it): retried. */
class TicketVersionGap extends Error {}

/**
 * `evt.crm.ticket.changed.v1` on SLA clocks. A new ticket (or one routing first hears of)
 * starts first response and resolution; `pending` (waiting on the customer) counts as the
 * agent's answer and pauses resolution, leaving it resumes; `solved` or `closed` stops
 * resolution, reopening starts a new one; a change of priority, category, VIP, assignee or
 * department re-targets its open clocks; a conversation linked to it brings its open clocks
 * over. An event not newer than the last one applied (by `version`) changes nothing; one that
 * skips versions waits a few redeliveries for them, so a short `pending` between two quick
 * changes still counts when replicas receive them out of order.
 */
@Injectable()
export class TicketSla {
  constructor(private readonly transactions: SlaTransactions) {}

  changed(event: TicketChanged, deliveryCount = 1): Promise<void> {
    const { ticket } = event;
    const at = new Date(event.occurredAt);
    return this.transactions.run(event.workspaceId, async (book, tx) => {
      const tickets = new SlaTicketsRepository(tx);
      const before = await tickets.find(event.workspaceId, ticket.id);
      if (before && before.version >= ticket.version) return;
      const expected = before ? before.version + 1 : 1;
      if (ticket.version > expected && deliveryCount < GAP_WAIT_DELIVERIES)
        throw new TicketVersionGap(
          `ticket ${ticket.id} version ${ticket.version} came before version ${expected}`,
        );
      await tickets.save(event.workspaceId, ticket);
      await this.adoptLinkedConversations(book, ticket, before, at);
      if (!before || factsChanged(before, ticket)) await this.retarget(book, ticket, at);
      await this.applyStatus(book, { ticket, before, at, created: event.created });
    });
  }

  // The conversations' open clocks become the ticket's, unless the ticket has that one.
  private async adoptLinkedConversations(
    book: ClockBook,
    ticket: TicketSnapshot,
    before: SlaTicket | null,
    at: Date,
  ): Promise<void> {
    const known = new Set(before?.conversationIds ?? []);
    for (const conversationId of ticket.conversationIds.filter((id) => !known.has(id))) {
      for (const clock of await book.open(conversationId)) {
        const ticketClocks = await book.open(ticket.id);
        if (ticketClocks.some((own) => own.metric === clock.metric))
          await book.stop(clock, at, 'cancel');
        else await book.retarget(clock, { ...ticketSubject(ticket), channel: clock.channel }, at);
      }
    }
  }

  private async retarget(book: ClockBook, ticket: TicketSnapshot, at: Date): Promise<void> {
    for (const clock of await book.open(ticket.id))
      await book.retarget(clock, { ...ticketSubject(ticket), channel: clock.channel }, at);
  }

  private async applyStatus(
    book: ClockBook,
    change: { ticket: TicketSnapshot; before: SlaTicket | null; at: Date; created: boolean },
  ): Promise<void> {
    const { ticket, before, at } = change;
    const status = ticket.status;
    const previous = before?.status ?? null;
    if (ENDED.includes(status)) {
      if (previous !== null && ENDED.includes(previous)) return;
      for (const clock of await book.open(ticket.id))
        await book.stop(clock, at, clock.metric === 'resolution' ? 'done' : 'cancel');
      return;
    }
    const pending = status === TicketStatus.Pending;
    if (previous === null || ENDED.includes(previous)) {
      const since = change.created ? new Date(ticket.createdAt) : at;
      const subject = ticketSubject(ticket);
      const answered = await book.hadFirstResponse([ticket.id, ...ticket.conversationIds]);
      if (previous === null && !answered && !pending)
        await book.start(subject, 'first_response', since);
      await book.start(subject, 'resolution', since, pending);
    }
    if (pending && previous !== TicketStatus.Pending) {
      for (const clock of await book.open(ticket.id)) {
        if (clock.metric === 'resolution') await book.pause(clock, at);
        else await book.stop(clock, at, 'done');
      }
    } else if (!pending && previous === TicketStatus.Pending) {
      for (const clock of await book.open(ticket.id)) await book.resume(clock, at);
    }
  }
}

function factsChanged(before: SlaTicket, ticket: TicketSnapshot): boolean {
  return (
    before.priority !== ticket.priority ||
    before.categoryId !== ticket.categoryId ||
    before.vip !== ticket.vip ||
    before.assigneeId !== ticket.assigneeId ||
    before.departmentId !== ticket.departmentId
  );
}
