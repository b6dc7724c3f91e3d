import { Injectable } from '@nestjs/common';
import { conversationIdOfReplyToken, type InboundEmailThread } from '@hub/contracts';
import { ConversationStatus } from '@hub/domain';
import type { EntityManager } from 'typeorm';
import { Conversation } from '../conversations/conversation.entity';
import type { ConversationKey } from '../conversations/conversation.repository';

// A mail with no reference to a thread but the subject of one of the sender's recent threads
// continues it ("Re:" added by hand, a client that drops References) when it came this soon.
const SUBJECT_WINDOW_DAYS = 7;

/**
 * Which of a customer's resolved email conversations an inbound mail continues: the one holding
 * a message it replies to (In-Reply-To / References: the ids we received, and those we gave our
 * replies, which are their channel ids too), else the one
 * its reply token names, else the latest with its subject within the window. Null: a new thread.
 * The customer's active conversation, when there is one, is taken before this is asked (one
 * active conversation per customer and inbox).
 */
@Injectable()
export class EmailThreadFinder {
  async lockResolvedThread(
    tx: EntityManager,
    key: ConversationKey,
    email: InboundEmailThread,
  ): Promise<Conversation | null> {
    const id =
      (await this.byReferences(tx, key, email.references)) ??
      (await this.byReplyToken(tx, key, email.replyToken)) ??
      (await this.bySubject(tx, key, email.subject));
    if (!id) return null;
    return tx.findOne(Conversation, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private async byReferences(
    tx: EntityManager,
    key: ConversationKey,
    references: string[],
  ): Promise<string | undefined> {
    if (references.length === 0) return undefined;
    const rows = await tx.query<{ id: string }[]>(
      `select c.id
         from conversation.messages m
         join conversation.conversations c on c.id = m.conversation_id
        where m.inbox_id = $1 and c.customer_id = $2 and c.status = $3
          and m.channel_message_id = any($4)
        order by m.created_at desc
        limit 1`,
      [key.inboxId, key.customerId, ConversationStatus.Resolved, references],
    );
    return rows[0]?.id;
  }

  private async byReplyToken(
    tx: EntityManager,
    key: ConversationKey,
    token: string | undefined,
  ): Promise<string | undefined> {
    if (!token) return undefined;
    const found = await tx.findOne(Conversation, {
      select: { id: true },
      where: { ...key, id: conversationIdOfReplyToken(token), status: ConversationStatus.Resolved },
    });
    return found?.id;
  }

  private async bySubject(
    tx: EntityManager,
    key: ConversationKey,
    subject: string,
  ): Promise<string | undefined> {
    if (subject === '') return undefined;
    const rows = await tx.query<{ id: string }[]>(
      `select id from conversation.conversations
        where inbox_id = $1 and customer_id = $2 and status = $3 and subject = $4
          and updated_at > now() - make_interval(days => $5)
        order by updated_at desc
        limit 1`,
      [key.inboxId, key.customerId, ConversationStatus.Resolved, subject, SUBJECT_WINDOW_DAYS],
    );
    return rows[0]?.id;
  }
}
