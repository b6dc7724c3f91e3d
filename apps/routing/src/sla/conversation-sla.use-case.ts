import { Injectable } from '@nestjs/common';
import type {
  ConversationAssigned,
  ConversationOpened,
  ConversationResolved,
  MessageCreated,
} from '@hub/contracts';
import { SenderType } from '@hub/domain';
import { Database, GroupCommit } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import type { ClockBook, ClockSubject } from './clock-book';
import { conversationSubject, ticketSubject, type ConversationFacts } from './clock-subjects';
import { SlaPoliciesRepository } from './sla-policies.repository';
import { SlaTicketsRepository } from './sla-tickets.repository';
import { SlaTransactions } from './sla-transactions';

const RESPONSE_METRICS = ['first_response', 'next_response'] as const;

/**
 * Conversation events on SLA clocks. A conversation linked to a ticket counts on the ticket's
 * clocks (one clock whichever channel the customer writes on); otherwise on its own: the
 * customer's first message starts first response and resolution, a later one next response,
 * an agent's reply stops the response clock, resolving stops resolution.
 */
@Injectable()
export class ConversationSla {
  private readonly policies: SlaPoliciesRepository;

  // Asked for every customer message and opened conversation: the questions asked at the same
  // time go together (group commit), one statement for the lot.
  private readonly measuring = new GroupCommit<string, boolean>(async (batch) => {
    const measuring = await this.policies.measuring(batch.map(({ item }) => item));
    return batch.map(({ item }) => Promise.resolve(measuring.has(item)));
  }, 64);

  constructor(
    private readonly transactions: SlaTransactions,
    database: Database,
  ) {
    this.policies = new SlaPoliciesRepository(database.dataSource.manager);
  }

  /** Whether the workspace has any SLA policy (without one, no clock can start). */
  private measures(workspaceId: string): Promise<boolean> {
    return this.measuring.add(workspaceId);
  }

  async messageCreated(event: MessageCreated): Promise<void> {
    const at = new Date(event.createdAt);
    const facts = { conversationId: event.conversationId, channel: event.channel };
    if (event.senderType === SenderType.Customer) {
      // A customer's message only starts clocks, and without a policy none starts: one read
      // instead of a locked transaction of eight statements, for every customer message of a
      // workspace that measures no SLA.
      if (!(await this.measures(event.workspaceId))) return;
      return this.transactions.run(event.workspaceId, async (book, tx) => {
        const { subject, linkedIds } = await this.subjectOf(book, tx, facts);
        if (subject.subjectType === 'conversation') await book.start(subject, 'resolution', at);
        const open = await book.open(subject.subjectId);
        if (open.some((clock) => (RESPONSE_METRICS as readonly string[]).includes(clock.metric)))
          return;
        const answeredBefore = await book.hadFirstResponse([subject.subjectId, ...linkedIds]);
        await book.start(subject, answeredBefore ? 'next_response' : 'first_response', at);
      });
    }
    if (event.senderType !== SenderType.Agent) return;
    return this.transactions.run(event.workspaceId, async (book, tx) => {
      const { subject } = await this.subjectOf(book, tx, facts);
      for (const clock of await book.open(subject.subjectId)) {
        if (clock.metric === 'resolution') continue;
        // Who answered, even when the assignment event is still on its way.
        if (subject.subjectType === 'conversation' && event.assigneeId)
          clock.assigneeId = event.assigneeId;
        await book.stop(clock, at, 'done');
      }
    });
  }

  async opened(event: ConversationOpened): Promise<void> {
    // Opened by the agent's own invitation: nobody waits for an answer yet; the customer's
    // first message starts the clocks, as for any conversation.
    if (event.assigneeId) return;
    // Without a policy no clock starts, and one its first message started under a policy removed
    // since keeps its target, as every clock does when its policy is removed.
    if (!(await this.measures(event.workspaceId))) return;
    const at = new Date(event.occurredAt);
    return this.transactions.run(event.workspaceId, async (book, tx) => {
      const facts = {
        conversationId: event.conversationId,
        channel: event.channel,
        departmentId: event.departmentId,
      };
      const { subject, linkedIds } = await this.subjectOf(book, tx, facts);
      if (subject.subjectType === 'ticket') return;
      // The department decides the business hours: clocks the first message started learn it.
      for (const clock of await book.open(subject.subjectId))
        if (clock.departmentId !== subject.departmentId) await book.retarget(clock, subject, at);
      if (!(await book.hadFirstResponse([subject.subjectId, ...linkedIds])))
        await book.start(subject, 'first_response', at);
      await book.start(subject, 'resolution', at);
    });
  }

  assigned(event: ConversationAssigned): Promise<void> {
    return this.transactions.run(event.workspaceId, async (book, tx) => {
      const facts = { conversationId: event.conversationId, assigneeId: event.assigneeId };
      const { subject } = await this.subjectOf(book, tx, facts);
      if (subject.subjectType === 'ticket') return;
      for (const clock of await book.open(subject.subjectId))
        await book.retarget(clock, subject, new Date(event.occurredAt));
    });
  }

  resolved(event: ConversationResolved): Promise<void> {
    const at = new Date(event.occurredAt);
    return this.transactions.run(event.workspaceId, async (book, tx) => {
      const { subject } = await this.subjectOf(book, tx, { conversationId: event.conversationId });
      // A linked conversation's ticket ends by its own status, not by one of its chats.
      if (subject.subjectType === 'ticket') return;
      for (const clock of await book.open(subject.subjectId))
        await book.stop(clock, at, clock.metric === 'resolution' ? 'done' : 'cancel');
    });
  }

  private async subjectOf(
    book: ClockBook,
    tx: EntityManager,
    facts: ConversationFacts,
  ): Promise<{ subject: ClockSubject; linkedIds: string[] }> {
    const ticket = await new SlaTicketsRepository(tx).linking(
      book.workspaceId,
      facts.conversationId,
    );
    if (ticket)
      return {
        subject: { ...ticketSubject(ticket), channel: facts.channel ?? null },
        linkedIds: ticket.conversationIds,
      };
    return { subject: await conversationSubject(book, facts), linkedIds: [] };
  }
}
