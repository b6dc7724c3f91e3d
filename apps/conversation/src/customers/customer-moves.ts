import { Injectable } from '@nestjs/common';
import type { Channel } from '@hub/domain';
import { Database } from '@hub/service-kit';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { Conversation } from '../conversations/conversation.entity';
import { CustomerMove } from './customer-move.entity';

/** A merge chain (A into B, B into C...) longer than this is a bug, not data. */
const MAX_HOPS = 100;

/** Who wrote, as a message names them: the inbox, their id on its channel, crm's customer. */
export interface Sender {
  workspaceId: string;
  inboxId: string;
  channel: Channel;
  customerExternalId: string;
  /** The customer crm (or an earlier conversation) said, maybe before a merge or its undo. */
  customerId: string;
  /** When crm was asked: {@link CustomerMoves.returnsSeen} just before. */
  returnsSeen?: number;
}

/**
 * The one lock between merges and arriving messages. A merge or an undo moves a customer's
 * conversations holding it exclusively for the workspace; a transaction storing a customer
 * message holds it shared, so messages never wait for each other, only for a merge's few
 * statements. Per workspace rather than per customer: a message learns which customers it
 * concerns only while following merges, and a lock per customer taken along that way could
 * deadlock with a merge locking the same two the other way round.
 */
@Injectable()
export class CustomerMoves {
  constructor(private readonly database: Database) {}

  /** How many undos the workspace has seen: read before asking crm who a sender is. */
  async returnsSeen(workspaceId: string): Promise<number> {
    const [{ seen }] = await this.database.dataSource.query<{ seen: string }[]>(
      `select coalesce(max(returned_seq), 0) as seen from conversation.customer_moves
        where workspace_id = $1 and returned_seq is not null`,
      [workspaceId],
    );
    return Number(seen);
  }

  lockForMove(tx: EntityManager, workspaceId: string): Promise<unknown> {
    return tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      lockKey(workspaceId),
    ]);
  }

  /**
   * The customer a message of `sender` belongs to now, in the caller's transaction, with the
   * shared lock held to its end: the customer of the sender's latest conversation in the inbox
   * (an undo may have given it back since crm answered), else the one given, unless an undo
   * applied since crm was asked gave this sender back to another customer; then, while that
   * customer is merged into another, the other.
   */
  async ownerForMessage(tx: EntityManager, sender: Sender): Promise<string> {
    await this.lockForMessages(tx, [sender.workspaceId]);
    const latest = await tx.findOne(Conversation, {
      select: { id: true, customerId: true },
      where: { inboxId: sender.inboxId, customerExternalId: sender.customerExternalId },
      order: { createdAt: 'DESC' },
    });
    let customerId = latest?.customerId ?? (await givenBackSince(tx, sender));
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const move = await tx.findOneBy(CustomerMove, {
        workspaceId: sender.workspaceId,
        fromCustomerId: customerId,
        movedAt: Not(IsNull()),
        returnedAt: IsNull(),
      });
      if (!move) return customerId;
      customerId = move.toCustomerId;
    }
    throw new Error(`customer ${sender.customerId}: merge chain longer than ${MAX_HOPS}`);
  }

  /** The shared merge lock of each workspace, held to the end of the caller's transaction. */
  async lockForMessages(tx: EntityManager, workspaceIds: string[]): Promise<void> {
    const keys = [...new Set(workspaceIds)].sort().map(lockKey);
    await tx.query(
      `select pg_advisory_xact_lock_shared(hashtextextended(key, 0)) from unnest($1::text[]) key`,
      [keys],
    );
  }

  /**
   * For a batch of senders, under the lock of {@link lockForMessages}, in one statement: the
   * owner {@link ownerForMessage} would give each sender that already has a conversation in the
   * inbox and whose customer is not merged into another (`owners`, by the sender's index), and
   * which senders have no conversation in the inbox at all (`firsts`: crm must say who they
   * are), each with {@link returnsSeen} of its workspace (read here, before crm is asked, it
   * costs no round trip of its own). The others (merged customers) take the one-by-one way.
   */
  async ownersOfKnownSenders(
    tx: EntityManager,
    senders: Pick<Sender, 'workspaceId' | 'inboxId' | 'customerExternalId'>[],
  ): Promise<{ owners: Map<number, string>; firsts: Map<number, number> }> {
    const rows = await tx.query<
      { i: string; owner: string | null; merged: boolean; returns_seen: string | null }[]
    >(
      `select k.i, latest.customer_id as owner, exists (
                select 1 from conversation.customer_moves m
                 where m.workspace_id = k.workspace_id and m.from_customer_id = latest.customer_id
                   and m.moved_at is not null and m.returned_at is null) as merged,
              case when latest.customer_id is null then (
                select coalesce(max(m.returned_seq), 0) from conversation.customer_moves m
                 where m.workspace_id = k.workspace_id and m.returned_seq is not null)
              end as returns_seen
         from unnest($1::uuid[], $2::uuid[], $3::text[]) with ordinality
              as k(workspace_id, inbox_id, external_id, i)
         left join lateral (
           select c.customer_id from conversation.conversations c
            where c.inbox_id = k.inbox_id and c.customer_external_id = k.external_id
            order by c.created_at desc limit 1) latest on true`,
      [
        senders.map((sender) => sender.workspaceId),
        senders.map((sender) => sender.inboxId),
        senders.map((sender) => sender.customerExternalId),
      ],
    );
    const owners = new Map<number, string>();
    const firsts = new Map<number, number>();
    for (const { i, owner, merged, returns_seen } of rows) {
      if (owner === null) firsts.set(Number(i) - 1, Number(returns_seen));
      else if (!merged) owners.set(Number(i) - 1, owner);
    }
    return { owners, firsts };
  }

  /**
   * {@link ownerForMessage} for a batch of senders, under the lock of {@link lockForMessages},
   * in one statement (the merge chains followed by a recursive query): each sender's owner, by
   * the sender's index.
   */
  async ownersForMessages(tx: EntityManager, senders: Sender[]): Promise<Map<number, string>> {
    const rows = await tx.query<{ i: string; owner: string; hop: number }[]>(
      `with recursive k as (
         select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[],
                              $6::bigint[]) with ordinality
                as k(workspace_id, inbox_id, channel, external_id, customer_id, returns_seen, i)
       ), chain(i, workspace_id, customer_id, hop) as (
         select k.i, k.workspace_id,
                coalesce(latest.customer_id, back.from_customer_id, k.customer_id), 0
           from k
           left join lateral (
             select c.customer_id from conversation.conversations c
              where c.inbox_id = k.inbox_id and c.customer_external_id = k.external_id
              order by c.created_at desc limit 1) latest on true
           left join lateral (
             select m.from_customer_id from conversation.customer_moves m
              where k.returns_seen is not null and m.workspace_id = k.workspace_id
                and m.to_customer_id = k.customer_id and m.returned_seq > k.returns_seen
                and m.returned_identities @> jsonb_build_array(
                      jsonb_build_object('channel', k.channel, 'externalId', k.external_id))
              order by m.returned_seq desc limit 1) back on true
         union all
         select chain.i, chain.workspace_id, m.to_customer_id, chain.hop + 1
           from chain join conversation.customer_moves m
             on m.workspace_id = chain.workspace_id and m.from_customer_id = chain.customer_id
            and m.moved_at is not null and m.returned_at is null
          where chain.hop <= $7
       )
       select distinct on (i) i, customer_id as owner, hop from chain order by i, hop desc`,
      [
        senders.map((sender) => sender.workspaceId),
        senders.map((sender) => sender.inboxId),
        senders.map((sender) => sender.channel),
        senders.map((sender) => sender.customerExternalId),
        senders.map((sender) => sender.customerId),
        senders.map((sender) => sender.returnsSeen ?? null),
        MAX_HOPS,
      ],
    );
    const owners = new Map<number, string>();
    for (const { i, owner, hop } of rows) {
      if (hop > MAX_HOPS) throw new Error(`sender ${i}: merge chain longer than ${MAX_HOPS}`);
      owners.set(Number(i) - 1, owner);
    }
    return owners;
  }
}

/** The customer crm gave, or the one an undo applied since gave this sender back to. */
async function givenBackSince(tx: EntityManager, sender: Sender): Promise<string> {
  if (sender.returnsSeen === undefined) return sender.customerId;
  const identity = [{ channel: sender.channel, externalId: sender.customerExternalId }];
  const [back] = await tx.query<{ customerId: string }[]>(
    `select from_customer_id as "customerId" from conversation.customer_moves
      where workspace_id = $1 and to_customer_id = $2 and returned_seq > $3
        and returned_identities @> $4::jsonb
      order by returned_seq desc limit 1`,
    [sender.workspaceId, sender.customerId, sender.returnsSeen, JSON.stringify(identity)],
  );
  return back?.customerId ?? sender.customerId;
}

function lockKey(workspaceId: string): string {
  return `conversation.customer-moves:${workspaceId}`;
}
