import { Injectable } from '@nestjs/common';
import { DeliveryStatus } from '@hub/domain';
import { Database } from '@hub/service-kit';
import { MoreThan, type EntityManager } from 'typeorm';
import type { StoredFile } from '../files/stored-file.entity';
import { Message } from './message.entity';

/**
 * A message as written: everything but what the database fills in, with the attached file's
 * record (already looked up and checked by the caller) when it carries one.
 */
export type NewMessage = Omit<
  Message,
  'id' | 'createdAt' | 'attachment' | 'attachmentFileId' | 'deliveryError'
> & {
  attachmentFileId?: string | null;
  deliveryError?: string | null;
  attachment?: StoredFile | null;
};

/** What the database fills in, returned by the INSERT itself. */
const RETURNED = ['id', 'created_at'];
type Returned = { id: string; created_at: Date };

/** Every read and write of message rows. Methods taking `tx` run in the caller's transaction. */
@Injectable()
export class MessageRepository {
  constructor(private readonly database: Database) {}

  /** Stores the message in one round trip (INSERT ... RETURNING). */
  async insert(tx: EntityManager, values: NewMessage): Promise<Message> {
    const result = await inserting(tx, values).returning(RETURNED).execute();
    return asStored(tx, values, result.raw as Returned[]);
  }

  /**
   * Stores the message unless one with the same channel message id (or agent client id) is
   * already stored; then null, and nothing was written.
   */
  async insertUnlessStored(tx: EntityManager, values: NewMessage): Promise<Message | null> {
    const result = await inserting(tx, values).orIgnore().returning(RETURNED).execute();
    const rows = result.raw as Returned[];
    return rows.length > 0 ? asStored(tx, values, rows) : null;
  }

  /** An agent's earlier reply with this client message id in this conversation. */
  findAgentReply(
    tx: EntityManager,
    key: { conversationId: string; agentId: string; clientMessageId: string },
  ): Promise<Message | null> {
    return tx.findOneBy(Message, {
      conversationId: key.conversationId,
      senderId: key.agentId,
      clientMessageId: key.clientMessageId,
    });
  }

  findByChannelMessageIdOrFail(inboxId: string, channelMessageId: string): Promise<Message> {
    return this.database.dataSource.manager.findOneByOrFail(Message, {
      inboxId,
      channelMessageId,
    });
  }

  /**
   * Records what became of a mailed reply. A failure (a bounce) may follow a success; a late
   * success never hides a failure.
   */
  async recordDelivery(change: {
    workspaceId: string;
    messageId: string;
    status: DeliveryStatus;
    error: string | null;
  }): Promise<void> {
    await this.database.dataSource.query(
      `update conversation.messages set delivery_status = $3, delivery_error = $4
        where id = $1 and workspace_id = $2 and not (delivery_status = $5 and $3 <> $5)`,
      [change.messageId, change.workspaceId, change.status, change.error, DeliveryStatus.Failed],
    );
  }

  /** The Message-IDs of a conversation's mails, received and sent, oldest first. */
  async threadMessageIds(
    tx: EntityManager,
    conversationId: string,
    limit: number,
  ): Promise<string[]> {
    const rows = await tx.query<{ channel_message_id: string }[]>(
      `select channel_message_id from (
         select channel_message_id, seq from conversation.messages
          where conversation_id = $1 and channel_message_id like '%@%'
            -- an attachment's message repeats its mail's id with #n
            and channel_message_id !~ '#[0-9]+$'
          order by seq desc limit $2) newest
        order by seq`,
      [conversationId, limit],
    );
    return rows.map((row) => row.channel_message_id);
  }

  /** Sets the channel's id of a message stored a moment ago in the same transaction. */
  async setChannelMessageId(
    tx: EntityManager,
    messageId: string,
    channelMessageId: string,
  ): Promise<void> {
    await tx.update(Message, { id: messageId }, { channelMessageId });
  }

  /** The conversation's messages numbered after `afterSeq`, oldest first. */
  listAfter(query: {
    conversationId: string;
    afterSeq: number;
    limit: number;
  }): Promise<Message[]> {
    return this.database.dataSource.manager.find(Message, {
      where: { conversationId: query.conversationId, seq: MoreThan(query.afterSeq) },
      order: { seq: 'ASC' },
      take: query.limit,
    });
  }
}

function inserting(tx: EntityManager, { attachment: _file, ...values }: NewMessage) {
  return tx.createQueryBuilder().insert().into(Message).values(values);
}

function asStored(tx: EntityManager, values: NewMessage, [row]: Returned[]): Message {
  return tx.create(Message, { ...values, id: row.id, createdAt: row.created_at });
}
