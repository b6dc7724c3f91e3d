import { Injectable } from '@nestjs/common';
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
  'id' | 'createdAt' | 'attachment' | 'attachmentFileId' | 'deliveryError' | 'replyToMessageId'
> & {
  attachmentFileId?: string | null;
  replyToMessageId?: string | null;
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

  /**
   * Of these channel message ids, the ones already stored, as `<inboxId>:<channelMessageId>`.
   * Read in the batch's transaction before its sequence numbers are taken, so a resend takes none.
   */
  async storedChannelMessageIds(
    tx: EntityManager,
    keys: { inboxId: string; channelMessageId: string }[],
  ): Promise<Set<string>> {
    const rows = await tx.query<{ key: string }[]>(
      `select m.inbox_id || ':' || m.channel_message_id as key
         from unnest($1::uuid[], $2::text[]) as k(inbox_id, channel_message_id)
         join conversation.messages m
           on m.inbox_id = k.inbox_id and m.channel_message_id = k.channel_message_id`,
      [keys.map((key) => key.inboxId), keys.map((key) => key.channelMessageId)],
    );
    return new Set(rows.map((row) => row.key));
  }

  /**
   * Stores messages without attachments, each with a channel message id (distinct within the
   * batch), in one statement; null when any of them was stored meanwhile by another transaction (then the caller rolls back, so no sequence
   * number is left unused). Raw SQL: TypeORM's builder spent more CPU on a batch of rows than
   * PostgreSQL spends storing them.
   */
  async insertManyUnlessStored(tx: EntityManager, batch: NewMessage[]): Promise<Message[] | null> {
    const column = <K extends keyof NewMessage>(name: K) => batch.map((values) => values[name]);
    const rows = await tx.query<(Returned & { key: string })[]>(
      `insert into conversation.messages
         (workspace_id, conversation_id, inbox_id, seq, direction, sender_type, sender_id,
          content, content_type, channel_message_id, client_message_id, delivery_status)
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::text[],
                            $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[],
                            $11::text[], $12::text[])
       on conflict do nothing
       returning id, created_at, inbox_id || ':' || channel_message_id as key`,
      [
        column('workspaceId'),
        column('conversationId'),
        column('inboxId'),
        column('seq'),
        column('direction'),
        column('senderType'),
        column('senderId'),
        column('content'),
        column('contentType'),
        column('channelMessageId'),
        column('clientMessageId'),
        column('deliveryStatus'),
      ],
    );
    if (rows.length < batch.length) return null;
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return batch.map((values) =>
      asStored(tx, values, [byKey.get(`${values.inboxId}:${values.channelMessageId}`)!]),
    );
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

  /** Our id of the message with this channel id in the inbox, or null when none is stored. */
  async idByChannelMessageId(
    tx: EntityManager,
    key: { inboxId: string; channelMessageId: string },
  ): Promise<string | null> {
    const rows = await tx.query<{ id: string }[]>(
      `select id from conversation.messages where inbox_id = $1 and channel_message_id = $2`,
      [key.inboxId, key.channelMessageId],
    );
    return rows[0]?.id ?? null;
  }

  findByChannelMessageIdOrFail(inboxId: string, channelMessageId: string): Promise<Message> {
    return this.database.dataSource.manager.findOneByOrFail(Message, {
      inboxId,
      channelMessageId,
    });
  }

  /** When the customer last wrote in the conversation (WhatsApp's 24-hour window), or null. */
  async lastInboundAt(tx: EntityManager, conversationId: string): Promise<Date | null> {
    const rows = await tx.query<{ at: Date | null }[]>(
      `select max(created_at) as at from conversation.messages
        where conversation_id = $1 and direction = 'inbound'`,
      [conversationId],
    );
    return rows[0].at;
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
