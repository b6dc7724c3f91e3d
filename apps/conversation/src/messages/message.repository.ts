import { Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';
import { MoreThan, type EntityManager } from 'typeorm';
import { Message } from './message.entity';

/** A message as written: everything but what the database fills in. */
export type NewMessage = Omit<Message, 'id' | 'createdAt'>;

/** Every read and write of message rows. Methods taking `tx` run in the caller's transaction. */
@Injectable()
export class MessageRepository {
  constructor(private readonly database: Database) {}

  /** Stores the message in one round trip (INSERT ... RETURNING). */
  async insert(tx: EntityManager, values: NewMessage): Promise<Message> {
    const stored = await this.insertReturning(tx, values, false);
    if (!stored) throw new Error('INSERT ... RETURNING returned no row');
    return stored;
  }

  /**
   * Stores the message unless one with the same channel message id (or agent client id) is
   * already stored; then null, and nothing was written.
   */
  insertUnlessStored(tx: EntityManager, values: NewMessage): Promise<Message | null> {
    return this.insertReturning(tx, values, true);
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

  private async insertReturning(
    tx: EntityManager,
    values: NewMessage,
    unlessStored: boolean,
  ): Promise<Message | null> {
    const insert = tx.createQueryBuilder().insert().into(Message).values(values);
    const result = await (unlessStored ? insert.orIgnore() : insert)
      .returning(['id', 'created_at'])
      .execute();
    const [row] = result.raw as { id: string; created_at: Date }[];
    return row ? tx.create(Message, { ...values, id: row.id, createdAt: row.created_at }) : null;
  }
}
