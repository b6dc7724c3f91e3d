import { Injectable, Logger } from '@nestjs/common';
import { attachmentContentType, type InboundMessageReceived, type InboxView } from '@hub/contracts';
import { DeliveryStatus, MessageDirection, SenderType } from '@hub/domain';
import { withCorrelationId } from '@hub/observability';
import { Outbox, type PendingEvent } from '@hub/outbox';
import { Database, GroupCommit, type Queued } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import type { Conversation } from '../conversations/conversation.entity';
import { ConversationRepository } from '../conversations/conversation.repository';
import { CustomerMoves } from '../customers/customer-moves';
import type { StoredFile } from '../files/stored-file.entity';
import { ConversationNotifier } from '../notifications/conversation-notifier';
import type { Message } from './message.entity';
import { MessageRepository, type NewMessage } from './message.repository';

/** A customer message, masked, without an attachment, with the inbox it came to. */
export interface FollowUp {
  inbound: InboundMessageReceived;
  inbox: InboxView;
}

/**
 * `stored`: stored, published and fanned out. `duplicate`: stored before (a resend).
 * `alone`: not a follow-up in an active conversation (a resolved one to reopen, a merged
 * customer), or its batch failed: store it one by one. A {@link FirstOfSender}: its sender has no
 * conversation in the inbox yet.
 */
export type FollowUpOutcome = 'stored' | 'duplicate' | 'alone' | FirstOfSender;

/** A first message: crm says who its sender is, then FirstMessageStore opens its conversation. */
export interface FirstOfSender {
  /** {@link CustomerMoves.returnsSeen}, read in the batch: before crm is asked, as it must be. */
  returnsSeen: number;
}

/** Enough to fill a batch from every handler slot of the inbound consumer. */
const MAX_BATCH = 64;

/**
 * Stores customer messages that follow up an active conversation in batches: one transaction
 * and a handful of statements for every message waiting, instead of about ten round trips each
 * (group commit). Per-customer order is the consumer's: it hands over one message per sender at
 * a time, so a batch holds at most one message of each conversation and takes one sequence
 * number from each, in one UPDATE.
 *
 * A resend takes no number (its id is looked up first); if a message is stored concurrently
 * anyway, or anything else fails, the whole batch rolls back and each message is stored one
 * by one (ReceiveInboundMessage), as is any message that reopens a conversation or belongs to
 * a merged customer. A sender's first message is told apart by the same statement that finds
 * the others' owners, so it costs the batch nothing and needs no lookup of its own after.
 */
@Injectable()
export class FollowUpStore {
  private readonly logger = new Logger(FollowUpStore.name);
  private readonly batches = new GroupCommit<FollowUp, FollowUpOutcome>(
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

  store(followUp: FollowUp): Promise<FollowUpOutcome> {
    return this.batches.add(followUp);
  }

  /**
   * Commits the batch, then returns each message's outcome: `stored` ones settle once their
   * events are published and fanned out, while the next batch is already being written.
   */
  private async write(batch: Queued<FollowUp>[]): Promise<Promise<FollowUpOutcome>[]> {
    let written: Written;
    try {
      written = await this.database.dataSource.transaction((tx) => this.insert(tx, batch));
    } catch (error) {
      this.logger.warn(
        { err: error, count: batch.length },
        'batch of follow-ups not stored; storing them one by one',
      );
      return batch.map(() => Promise.resolve('alone'));
    }
    const { stored, duplicates, firsts } = written;
    if (stored.size > 0) this.logger.debug({ count: stored.size }, 'inbound messages stored');
    return batch.map((item, i) => {
      const one = stored.get(i);
      // Stored either way: if its fan-out failed, the handler fans it out again from the table,
      // as for a resend (events not published are the outbox sweep's).
      if (one)
        return this.publish(item, one).then(
          () => 'stored' as const,
          () => 'duplicate' as const,
        );
      if (duplicates.has(i)) return Promise.resolve('duplicate' as const);
      const returnsSeen = firsts.get(i);
      return Promise.resolve(returnsSeen === undefined ? ('alone' as const) : { returnsSeen });
    });
  }

  private async insert(tx: EntityManager, queued: Queued<FollowUp>[]): Promise<Written> {
    const batch = queued.map(({ item }) => item);
    const stored: Written['stored'] = new Map();
    const duplicates = new Set<number>();
    const senders = batch.map(({ inbound }) => ({
      workspaceId: inbound.workspaceId,
      inboxId: inbound.inboxId,
      customerExternalId: inbound.customer.externalId,
    }));
    // Merges and undos take this lock exclusively: owners found under it stay true to commit.
    await this.customerMoves.lockForMessages(
      tx,
      senders.map((sender) => sender.workspaceId),
    );
    const already = await this.messages.storedChannelMessageIds(
      tx,
      batch.map(({ inbound }) => messageKey(inbound)),
    );
    const { owners, firsts } = await this.customerMoves.ownersOfKnownSenders(tx, senders);
    const candidates = batch.flatMap((item, i) => {
      if (already.has(keyString(messageKey(item.inbound)))) {
        duplicates.add(i);
        return [];
      }
      const owner = owners.get(i);
      return owner ? [{ i, key: { ...senders[i], customerId: owner } }] : [];
    });
    if (candidates.length === 0) return { stored, duplicates, firsts };
    const taken = await this.conversations.takeNextSeqOfActiveMany(
      tx,
      candidates.map((candidate) => candidate.key),
    );
    const rows = candidates.flatMap(({ i }, k) => {
      const conversation = taken.get(k);
      return conversation
        ? [{ i, conversation, values: newInboundMessage(batch[i].inbound, conversation) }]
        : [];
    });
    if (rows.length === 0) return { stored, duplicates, firsts };
    const messages = await this.messages.insertManyUnlessStored(
      tx,
      rows.map((row) => row.values),
    );
    // Stored concurrently by another delivery: roll back so no sequence number is left unused.
    if (!messages) throw new Error('a message of the batch was stored concurrently');
    for (const [k, { i, conversation }] of rows.entries()) {
      const message = messages[k];
      const events = this.notifier.messageCreated(
        message,
        conversation,
        batch[i].inbox.channel,
        null,
      );
      stored.set(i, { message, conversation, events });
    }
    await this.outbox.add(
      tx,
      [...stored.values()].flatMap((one) => one.events),
    );
    return { stored, duplicates, firsts };
  }

  // After the commit, under the message's own correlation id: its events (their acks awaited
  // alongside the rest of the batch's), then its realtime copies.
  private publish({ item, correlationId }: Queued<FollowUp>, stored: StoredOne): Promise<void> {
    return withCorrelationId(correlationId, async () => {
      // One line per message under its own correlation id, as when stored alone.
      this.logger.log(
        { conversationId: stored.conversation.id, seq: stored.message.seq },
        'inbound message stored',
      );
      await this.outbox.flush(stored.events);
      await this.notifier.fanOutMessage(stored.message, stored.conversation, item.inbox.channel);
    });
  }
}

interface StoredOne {
  message: Message;
  conversation: Conversation;
  events: PendingEvent[];
}

interface Written {
  /** By the message's index in the batch. */
  stored: Map<number, StoredOne>;
  duplicates: Set<number>;
  /** Senders without any conversation in the inbox, with their workspace's returns seen. */
  firsts: Map<number, number>;
}

function messageKey(inbound: InboundMessageReceived) {
  return { inboxId: inbound.inboxId, channelMessageId: inbound.externalMessageId };
}

function keyString(key: { inboxId: string; channelMessageId: string }): string {
  return `${key.inboxId}:${key.channelMessageId}`;
}

/** The row of a customer message in `conversation`, numbered with the seq it just took. */
export function newInboundMessage(
  inbound: InboundMessageReceived,
  conversation: Conversation,
  attachment: StoredFile | null = null,
): NewMessage {
  return {
    workspaceId: inbound.workspaceId,
    conversationId: conversation.id,
    inboxId: inbound.inboxId,
    seq: conversation.lastSeq,
    direction: MessageDirection.Inbound,
    senderType: SenderType.Customer,
    senderId: null,
    content: inbound.content,
    contentType: attachment ? attachmentContentType(attachment.mimeType) : inbound.contentType,
    channelMessageId: inbound.externalMessageId,
    clientMessageId: inbound.clientMessageId ?? null,
    deliveryStatus: DeliveryStatus.Delivered,
    attachmentFileId: attachment?.id ?? null,
    attachment,
  };
}
