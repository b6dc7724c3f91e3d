import { Injectable } from '@nestjs/common';
import { PUBLIC_EVENT_CATALOG, publicEventKey } from '@hub/contracts';
import { Database, GroupCommit, type Queued } from '@hub/service-kit';
import type { PublicEvent } from './public-event-mapping';

// Events logged in one statement at most (the webhook durables pull 10 each).
const MAX_EVENTS_RECORDED = 64;

interface EventToRecord {
  event: PublicEvent;
  callbackInboxId?: string;
}

/** A delivery claimed for one attempt, with what is needed to make it. */
export interface DueDelivery {
  id: string;
  workspaceId: string;
  eventId: string;
  eventKey: string;
  type: string;
  occurredAt: Date;
  /** The event's data in every version (keyed by version). */
  data: Record<string, Record<string, unknown>>;
  attempts: number;
  firstAttemptAt: Date | null;
  /** Set for a subscription's delivery; `inboxId` for an API inbox's callback. */
  subscription: {
    id: string;
    url: string;
    sealedSecret: string;
    /** The secret before a rotation, while its overlap lasts: deliveries are signed with both. */
    previousSealedSecret: string | null;
  } | null;
  inboxId: string | null;
  allowPrivateTargets: boolean;
}

interface DueRow {
  id: string;
  workspace_id: string;
  event_id: string;
  event_key: string;
  type: string;
  occurred_at: Date;
  data: Record<string, Record<string, unknown>>;
  attempts: number;
  first_attempt_at: Date | null;
  subscription_id: string | null;
  url: string | null;
  secret: string | null;
  previous_secret: string | null;
  inbox_id: string | null;
  allow_private: boolean | null;
}

/** gateway.webhook_events and gateway.webhook_deliveries as the consumers and the sweep use them. */
@Injectable()
export class WebhookDeliveriesRepository {
  private readonly recorded = new GroupCommit<EventToRecord, void>(
    (batch) => this.recordBatch(batch),
    MAX_EVENTS_RECORDED,
  );

  constructor(private readonly database: Database) {}

  /**
   * Logs the event and creates its deliveries: one per subscription of the workspace to a
   * version of its type (paused ones too: they are held until resumed), and one to the API
   * inbox's callback when `callbackInboxId` is given. A redelivered event creates nothing new.
   * A workspace without subscriptions logs nothing (its replays start at its first one).
   */
  record(event: PublicEvent, callbackInboxId?: string): Promise<void> {
    return this.recorded.add({ event, callbackInboxId });
  }

  // One statement for every event handled at the same time (this runs for every message and
  // conversation event, mostly in workspaces without subscriptions): one snapshot decides both
  // the log and the deliveries, and the deliveries' foreign key is checked at its end, when the
  // events' rows are in. An event twice in a batch (a redelivery racing) is taken once.
  private async recordBatch(batch: Queued<EventToRecord>[]): Promise<Promise<void>[]> {
    const events = batch.map(({ item: { event, callbackInboxId } }) => ({
      id: event.id,
      workspace_id: event.workspaceId,
      type: event.type,
      occurred_at: event.occurredAt,
      data: event.data,
      callback_inbox_id: callbackInboxId ?? null,
      keys: PUBLIC_EVENT_CATALOG.filter((entry) => entry.type === event.type).map((entry) =>
        publicEventKey(entry.type, entry.version),
      ),
      callback_key: publicEventKey(event.type, 1),
    }));
    const db = await this.database.connected();
    await db.query(
      `with e as (
         select distinct on (id) *
           from jsonb_to_recordset($1::jsonb) as e(id text, workspace_id uuid, type text,
                  occurred_at timestamptz, data jsonb, callback_inbox_id uuid, keys text[],
                  callback_key text)),
       logged as (
         insert into gateway.webhook_events (id, workspace_id, type, occurred_at, data)
         select id, workspace_id, type, occurred_at, data from e
          where callback_inbox_id is not null
             or exists (select 1 from gateway.webhook_subscriptions s
                         where s.workspace_id = e.workspace_id)
         on conflict (id) do nothing),
       subscribed as (
         insert into gateway.webhook_deliveries (workspace_id, subscription_id, event_id, event_key)
         select s.workspace_id, s.id, e.id, key
           from e
           join gateway.webhook_subscriptions s on s.workspace_id = e.workspace_id
           cross join lateral unnest(s.events) key
          where key = any(e.keys)
         on conflict do nothing)
       insert into gateway.webhook_deliveries (workspace_id, inbox_id, event_id, event_key)
       select workspace_id, callback_inbox_id, id, callback_key from e
        where callback_inbox_id is not null
       on conflict do nothing`,
      [JSON.stringify(events)],
    );
    return batch.map(() => Promise.resolve());
  }

  /**
   * Claims up to `limit` due deliveries for one attempt each: they are leased (their next
   * attempt moved `leaseMs` ahead) so no other replica takes them meanwhile, and a replica that
   * dies mid-attempt leaves them due again after the lease. Paused subscriptions' are held.
   */
  async claimDue(limit: number, leaseMs: number): Promise<DueDelivery[]> {
    const db = await this.database.connected();
    const [rows] = await db.query<[DueRow[], number]>(
      `with due as (
         select d.id from gateway.webhook_deliveries d
           left join gateway.webhook_subscriptions s on s.id = d.subscription_id
          where d.status = 'pending' and d.next_attempt_at <= now()
            and (d.subscription_id is null or s.status = 'active')
          order by d.next_attempt_at
          limit $1
          for update of d skip locked)
       update gateway.webhook_deliveries d
          set next_attempt_at = now() + $2 * interval '1 millisecond'
         from due, gateway.webhook_events e, gateway.workspaces w
        where d.id = due.id and e.id = d.event_id and w.id = d.workspace_id
       returning d.id, d.workspace_id, d.event_id, d.event_key, e.type, e.occurred_at, e.data,
                 d.attempts, d.first_attempt_at, d.subscription_id, d.inbox_id,
                 (select url from gateway.webhook_subscriptions where id = d.subscription_id) as url,
                 (select secret from gateway.webhook_subscriptions where id = d.subscription_id)
                   as secret,
                 (select previous_secret from gateway.webhook_subscriptions
                   where id = d.subscription_id and previous_secret_expires_at > now())
                   as previous_secret,
                 (w.settings->>'webhooksAllowPrivateTargets')::boolean as allow_private`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({
      id: row.id,
      workspaceId: row.workspace_id,
      eventId: row.event_id,
      eventKey: row.event_key,
      type: row.type,
      occurredAt: row.occurred_at,
      data: row.data,
      attempts: row.attempts,
      firstAttemptAt: row.first_attempt_at,
      subscription:
        row.subscription_id && row.url && row.secret
          ? {
              id: row.subscription_id,
              url: row.url,
              sealedSecret: row.secret,
              previousSealedSecret: row.previous_secret,
            }
          : null,
      inboxId: row.inbox_id,
      allowPrivateTargets: row.allow_private === true,
    }));
  }

  /**
   * Drops logged events older than `before` that no delivery still waits on; how many. Replays
   * reach back as far as the log does.
   */
  async pruneEvents(before: Date, limit: number): Promise<number> {
    const db = await this.database.connected();
    const [, pruned] = await db.query<[unknown, number]>(
      `delete from gateway.webhook_events where id in (
         select e.id from gateway.webhook_events e
          where e.recorded_at < $1
            and not exists (select 1 from gateway.webhook_deliveries d
                             where d.event_id = e.id and d.status = 'pending')
          limit $2)`,
      [before, limit],
    );
    return pruned;
  }

  /** A 2xx answer: delivered, and its subscription's run of failures is over. */
  async delivered(delivery: DueDelivery, responseStatus: number): Promise<void> {
    const db = await this.database.connected();
    await db.transaction(async (tx) => {
      await tx.query(
        `update gateway.webhook_deliveries
            set status = 'delivered', attempts = attempts + 1, delivered_at = now(),
                first_attempt_at = coalesce(first_attempt_at, now()), last_attempt_at = now(),
                last_response_status = $2, last_error = null
          where id = $1`,
        [delivery.id, responseStatus],
      );
      if (delivery.subscription) {
        await tx.query(
          `update gateway.webhook_subscriptions set consecutive_failures = 0
            where id = $1 and consecutive_failures <> 0`,
          [delivery.subscription.id],
        );
      }
    });
  }

  /**
   * A failed attempt: retried at `retryAt`, or failed for good when there is none. The
   * subscription counts the failure and is paused once `pauseAfter` have failed in a row.
   */
  async failed(
    delivery: DueDelivery,
    outcome: { responseStatus?: number; error: string; retryAt?: Date; pauseAfter: number },
  ): Promise<void> {
    const db = await this.database.connected();
    await db.transaction(async (tx) => {
      await tx.query(
        `update gateway.webhook_deliveries
            set status = case when $3::timestamptz is null then 'failed' else 'pending' end,
                next_attempt_at = coalesce($3::timestamptz, next_attempt_at),
                attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, now()),
                last_attempt_at = now(), last_response_status = $2, last_error = $4
          where id = $1`,
        [delivery.id, outcome.responseStatus ?? null, outcome.retryAt ?? null, outcome.error],
      );
      if (delivery.subscription) {
        await tx.query(
          `update gateway.webhook_subscriptions
              set consecutive_failures = consecutive_failures + 1,
                  status = case when consecutive_failures + 1 >= $2 then 'paused' else status end,
                  paused_at = case when consecutive_failures + 1 >= $2 and status = 'active'
                                   then now() else paused_at end,
                  updated_at = now()
            where id = $1`,
          [delivery.subscription.id, outcome.pauseAfter],
        );
      }
    });
  }
}
