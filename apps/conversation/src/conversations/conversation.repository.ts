import { Injectable } from '@nestjs/common';
import {
  ACTIVE_CONVERSATION_STATUSES,
  ConversationEvent,
  ConversationStatus,
  nextConversationStatus,
} from '@hub/domain';
import { Database } from '@hub/service-kit';
import { In, type EntityManager, type EntityTarget } from 'typeorm';
import { Conversation } from './conversation.entity';

// What an inbound message makes of each active status, as a SQL CASE body.
const STATUS_AFTER_INBOUND = ACTIVE_CONVERSATION_STATUSES.map(
  (status) =>
    `when '${status}' then '${nextConversationStatus(status, ConversationEvent.Inbound)}'`,
).join(' ');

/**
 * One sender's conversations in one inbox (a customer's id on the inbox's channel): at most one
 * of them is active. A merged customer has one such line per sender.
 */
export interface ConversationKey {
  workspaceId: string;
  inboxId: string;
  customerId: string;
  customerExternalId: string;
}

export interface NewConversationDetails {
  departmentId: string | null;
  /** Email: the thread's subject. */
  subject?: string | null;
}

/** What taking the next sequence number may change on the row at the same time. */
export type SeqChanges = Pick<
  Partial<Conversation>,
  'status' | 'assigneeId' | 'resolvedAt' | 'resolutionSeconds'
>;

/** Every read and write of conversation rows. Methods taking `tx` run in the caller's transaction. */
@Injectable()
export class ConversationRepository {
  constructor(private readonly database: Database) {}

  findInWorkspace(workspaceId: string, conversationId: string): Promise<Conversation | null> {
    return this.database.dataSource.manager.findOneBy(Conversation, {
      id: conversationId,
      workspaceId,
    });
  }

  findByIdOrFail(conversationId: string): Promise<Conversation> {
    return this.database.dataSource.manager.findOneByOrFail(Conversation, { id: conversationId });
  }

  /** The visitor's newest conversation in the inbox, whatever its status. */
  latestOfVisitor(query: {
    workspaceId: string;
    inboxId: string;
    customerExternalId: string;
  }): Promise<Conversation | null> {
    return this.database.dataSource.manager.findOne(Conversation, {
      where: query,
      order: { createdAt: 'DESC' },
    });
  }

  /** The crm customer behind an earlier conversation of this sender in this inbox. */
  async customerOfSender(query: {
    inboxId: string;
    customerExternalId: string;
  }): Promise<string | undefined> {
    const earlier = await this.database.dataSource.manager.findOne(Conversation, {
      select: { id: true, customerId: true },
      where: query,
      order: { createdAt: 'DESC' },
    });
    return earlier?.customerId;
  }

  /** The row, locked until the transaction ends; null when not in this workspace. */
  lockInWorkspace(
    tx: EntityManager,
    workspaceId: string,
    conversationId: string,
  ): Promise<Conversation | null> {
    return tx.findOne(Conversation, {
      where: { id: conversationId, workspaceId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Applies `changes` and returns the row as stored (updated_at moves on). */
  async update(
    tx: EntityManager,
    conversationId: string,
    changes: Partial<Conversation>,
  ): Promise<Conversation> {
    await tx.update(Conversation, { id: conversationId }, changes);
    return tx.findOneByOrFail(Conversation, { id: conversationId });
  }

  lockActive(tx: EntityManager, key: ConversationKey): Promise<Conversation | null> {
    return tx.findOne(Conversation, {
      where: { ...key, status: In([...ACTIVE_CONVERSATION_STATUSES]) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * The sender's active conversation with its next sequence number taken and the status an
   * inbound message gives it, in one UPDATE ... RETURNING (the row stays locked to the end of
   * the transaction); null when the sender has none. One statement instead of a locking read
   * and an update: every follow-up customer message passes here.
   */
  async takeNextSeqOfActive(tx: EntityManager, key: ConversationKey): Promise<Conversation | null> {
    // TypeORM answers an UPDATE with [returned rows, affected count].
    const [rows] = await tx.query<[Record<string, unknown>[], number]>(
      `update conversation.conversations
          set last_seq = last_seq + 1, updated_at = now(),
              status = case status ${STATUS_AFTER_INBOUND} end
        where workspace_id = $1 and inbox_id = $2 and customer_id = $3
          and customer_external_id = $4 and status = any($5)
        returning *`,
      [
        key.workspaceId,
        key.inboxId,
        key.customerId,
        key.customerExternalId,
        ACTIVE_CONVERSATION_STATUSES,
      ],
    );
    return rows.length > 0 ? entityFromRow(tx, Conversation, rows[0]) : null;
  }

  /**
   * {@link takeNextSeqOfActive} for several senders (at most one message each) in one statement:
   * the conversations taken, by the key's index; a key whose sender has no active conversation
   * is missing. The rows stay locked to the end of the transaction.
   */
  async takeNextSeqOfActiveMany(
    tx: EntityManager,
    keys: ConversationKey[],
  ): Promise<Map<number, Conversation>> {
    const [rows] = await tx.query<[(Record<string, unknown> & { key_index: string })[], number]>(
      `update conversation.conversations c
          set last_seq = c.last_seq + 1, updated_at = now(),
              status = case c.status ${STATUS_AFTER_INBOUND} end
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) with ordinality
              as k(workspace_id, inbox_id, customer_id, customer_external_id, key_index)
        where c.workspace_id = k.workspace_id and c.inbox_id = k.inbox_id
          and c.customer_id = k.customer_id and c.customer_external_id = k.customer_external_id
          and c.status = any($5)
        returning c.*, k.key_index`,
      [
        keys.map((key) => key.workspaceId),
        keys.map((key) => key.inboxId),
        keys.map((key) => key.customerId),
        keys.map((key) => key.customerExternalId),
        ACTIVE_CONVERSATION_STATUSES,
      ],
    );
    return new Map(
      rows.map(({ key_index, ...row }) => [
        Number(key_index) - 1,
        entityFromRow(tx, Conversation, row),
      ]),
    );
  }

  lockLastResolved(tx: EntityManager, key: ConversationKey): Promise<Conversation | null> {
    return tx.findOne(Conversation, {
      where: { ...key, status: ConversationStatus.Resolved },
      order: { updatedAt: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * A new open conversation's id, or undefined when another transaction holds the customer's
   * active one in this inbox (the partial unique index refused the row).
   */
  async insertOpen(
    tx: EntityManager,
    key: ConversationKey,
    details: NewConversationDetails,
  ): Promise<string | undefined> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(Conversation)
      .values({ ...key, ...details, status: ConversationStatus.Open })
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as { id: string }[])[0]?.id;
  }

  /**
   * Opens a conversation for each sender (at most one each) that has none in the inbox yet,
   * with its first message's number taken (`last_seq` 1), in one statement: the conversations
   * opened, by the key's index. A key is missing when its sender has a conversation in the inbox
   * by now (the partial unique index or the check refused it): it takes the one-by-one way.
   */
  async openFirstMany(
    tx: EntityManager,
    openings: (ConversationKey & { departmentId: string | null })[],
  ): Promise<Map<number, Conversation>> {
    // A SELECT to TypeORM (the insert is inside the WITH): it answers the rows alone.
    const rows = await tx.query<(Record<string, unknown> & { key_index: string })[]>(
      `with k as (
         select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[])
                with ordinality
                as k(workspace_id, inbox_id, customer_id, customer_external_id, department_id,
                     key_index)),
       opened as (
         insert into conversation.conversations
           (workspace_id, inbox_id, customer_id, customer_external_id, department_id, status,
            last_seq)
         select workspace_id, inbox_id, customer_id, customer_external_id, department_id, $6, 1
           from k
          where not exists (
            select 1 from conversation.conversations c
             where c.inbox_id = k.inbox_id and c.customer_external_id = k.customer_external_id)
          order by key_index
         on conflict do nothing
         returning *)
       select opened.*, k.key_index from opened
         join k on k.inbox_id = opened.inbox_id
               and k.customer_external_id = opened.customer_external_id`,
      [
        openings.map((key) => key.workspaceId),
        openings.map((key) => key.inboxId),
        openings.map((key) => key.customerId),
        openings.map((key) => key.customerExternalId),
        openings.map((key) => key.departmentId),
        ConversationStatus.Open,
      ],
    );
    return new Map(
      rows.map(({ key_index, ...row }) => [
        Number(key_index) - 1,
        entityFromRow(tx, Conversation, row),
      ]),
    );
  }

  /** Takes the next message number (last_seq + 1) on a row the caller has locked or created. */
  async takeNextSeq(
    tx: EntityManager,
    conversationId: string,
    changes: SeqChanges,
  ): Promise<Conversation> {
    // UPDATE ... RETURNING: every inbound and agent message passes here, so no read after write.
    const result = await tx
      .createQueryBuilder()
      .update(Conversation)
      .set({ ...changes, lastSeq: () => 'last_seq + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id: conversationId })
      .returning('*')
      .execute();
    const [row] = result.raw as Record<string, unknown>[];
    if (!row) throw new Error(`conversation ${conversationId} not found`);
    return entityFromRow(tx, Conversation, row);
  }
}

/** The entity of a raw row (column names), with the columns' transformers applied. */
function entityFromRow<T extends object>(
  tx: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = tx.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    const raw = row[column.databaseName];
    const transformer = column.transformer;
    const value =
      transformer && !Array.isArray(transformer) ? (transformer.from(raw) as unknown) : raw;
    column.setEntityValue(entity, value);
  }
  return entity;
}
