import { Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';
import { MoreThan, type EntityManager } from 'typeorm';
import type { StoredFile } from '../files/stored-file.entity';
import { Message } from './message.entity';

/**
 * A message as written: everything but what the database fills in, with the attached file's
 * record (already looked up and checked by the caller) when it carries one.
 */
export type NewMessage = Omit<Message, 'id' | 'createdAt' | 'attachment' | 'attachmentFileId'> & {
  attachmentFileId?: string | null;
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
