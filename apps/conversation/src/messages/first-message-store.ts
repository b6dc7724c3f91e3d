import { Injectable, Logger } from '@nestjs/common';
import type { InboundMessageReceived, InboxView } from '@hub/contracts';
import { withCorrelationId } from '@hub/observability';
import { Outbox, type PendingEvent } from '@hub/outbox';
import { Database, GroupCommit, type Queued } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import type { Conversation } from '../conversations/conversation.entity';
import { ConversationRepository } from '../conversations/conversation.repository';
import { CustomerMoves, type Sender } from '../customers/customer-moves';
import { ConversationNotifier } from '../notifications/conversation-notifier';
import { newInboundMessage } from './follow-up-store';
import type { Message } from './message.entity';
import { MessageRepository } from './message.repository';

/** The sender with their VIP flag, known only when crm was asked just now (else routing asks). */
export type ResolvedSender = Sender & { vip?: boolean };

/**
 * A sender's first message in an inbox (masked; not a mail, without an attachment or a
 * reference), with the customer crm resolved for them.
 */
export interface FirstMessage {
  inbound: InboundMessageReceived;
  inbox: InboxView;
  sender: ResolvedSender;
}

/**
 * `stored`: stored with its conversation, published and fanned out. `duplicate`: stored (its
 * fan-out failed, or it was stored before): fan it out again from the table. `alone`: its sender
 * has a conversation by now, or its batch failed: store it one by one.
 */
export type FirstMessageOutcome = 'stored' | 'duplicate' | 'alone';

/** As many as the inbound consumer has handler slots, twice over. */
const MAX_BATCH = 64;

/**
 * Opens the conversations of first messages in batches (group commit, as FollowUpStore): one
 * transaction of five statements for the batch (merge lock, owners, conversations opened with
 * their first number taken, messages, outbox rows) where one by one each took about ten.
 *
 * Per sender, at most one message a batch: another message of a sender already in it waits for
 * the batch's commit and is then stored one by one, finding the conversation just opened (it
 * becomes a follow-up, numbered 2). A sender whose conversation appeared meanwhile is stored
 * one by one too; if a message is stored concurrently, or anything else fails, the batch rolls
 * back (no number taken, no conversation opened) and each of its messages is stored one by one.
 */
@Injectable()
export class FirstMessageStore {
  private readonly logger = new Logger(FirstMessageStore.name);
  private readonly batches = new GroupCommit<FirstMessage, FirstMessageOutcome>(
    (batch) => this.write(batch),
    MAX_BATCH,
  );

  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly customerMoves: CustomerMoves,
    private readonly notifier: ConversationNotifier,
    private readonly outbox: Outbox,
  ) {}

  store(first: FirstMessage): Promise<FirstMessageOutcome> {
    return this.batches.add(first);
  }

  private async write(batch: Queued<FirstMessage>[]): Promise<Promise<FirstMessageOutcome>[]> {
    const firstOfSender = onePerSender(batch.map(({ item }) => item));
    let stored: Map<number, StoredFirst>;
    try {
      stored = await this.database.dataSource.transaction((tx) =>
        this.insert(
          tx,
          firstOfSender.map((i) => ({ i, first: batch[i].item })),
        ),
      );
    } catch (error) {
      this.logger.warn(
        { err: error, count: batch.length },
        'batch of first messages not stored; storing them one by one',
      );
      return batch.map(() => Promise.resolve('alone' as const));
    }
    if (stored.size > 0)
      this.logger.debug({ count: stored.size, opened: true }, 'inbound messages stored');
    return batch.map((queued, i) => {
      const one = stored.get(i);
      if (!one) return Promise.resolve('alone' as const);
      // Stored either way: if its fan-out failed, the handler fans it out again from the table.
      return this.publish(queued, one).then(
        () => 'stored' as const,
        () => 'duplicate' as const,
      );
    });
  }

  private async insert(
    tx: EntityManager,
    batch: { i: number; first: FirstMessage }[],
  ): Promise<Map<number, StoredFirst>> {
    const stored = new Map<number, StoredFirst>();
    const senders = batch.map(({ first }) => first.sender);
    // Merges and undos take this lock exclusively: owners found under it stay true to commit.
    await this.customerMoves.lockForMessages(
      tx,
      senders.map((sender) => sender.workspaceId),
    );
    const owners = await this.customerMoves.ownersForMessages(tx, senders);
    const opened = await this.conversations.openFirstMany(
      tx,
      batch.map(({ first: { inbound, sender } }, k) => ({
        workspaceId: sender.workspaceId,
        inboxId: sender.inboxId,
        customerExternalId: sender.customerExternalId,
        customerId: owners.get(k) ?? sender.customerId,
        departmentId: inbound.departmentId ?? null,
      })),
    );
    const rows = [...opened].map(([k, conversation]) => ({ k, conversation }));
    if (rows.length === 0) return stored;
    const messages = await this.messages.insertManyUnlessStored(
      tx,
      rows.map(({ k, conversation }) => newInboundMessage(batch[k].first.inbound, conversation)),
    );
    // Stored concurrently by another delivery: roll back so no conversation opens for nothing.
    if (!messages) throw new Error('a first message of the batch was stored concurrently');
    for (const [r, { k, conversation }] of rows.entries()) {
      const { first, i } = batch[k];
      const events = this.notifier.messageCreated(
        messages[r],
        conversation,
        first.inbox.channel,
        'new',
        // A merge may have given the message another customer, whose flag crm did not say.
        conversation.customerId === first.sender.customerId ? first.sender.vip : undefined,
      );
      stored.set(i, { message: messages[r], conversation, events });
    }
    await this.outbox.add(
      tx,
      [...stored.values()].flatMap((one) => one.events),
    );
    return stored;
  }

  // After the commit, under the message's own correlation id: its events, then its realtime
  // copies, the new conversation's included.
  private publish({ item, correlationId }: Queued<FirstMessage>, stored: StoredFirst) {
    return withCorrelationId(correlationId, async () => {
      const { message, conversation } = stored;
      // One line per message under its own correlation id, as when stored alone: ops follow a
      // message from the edge through every service by that id.
      this.logger.log(
        { conversationId: conversation.id, seq: message.seq, opened: true },
        'inbound message stored',
      );
      const { channel } = item.inbox;
      await this.outbox.flush(stored.events);
      await this.notifier.fanOutMessage(message, conversation, channel);
      await this.notifier.fanOutConversation(conversation, channel);
    });
  }
}

interface StoredFirst {
  message: Message;
  conversation: Conversation;
  events: PendingEvent[];
}

/** The indexes of each sender's first message in the batch; the others wait for its commit. */
function onePerSender(batch: FirstMessage[]): number[] {
  const seen = new Set<string>();
  return batch.flatMap(({ sender }, i) => {
    const key = `${sender.inboxId}:${sender.customerExternalId}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [i];
  });
}
