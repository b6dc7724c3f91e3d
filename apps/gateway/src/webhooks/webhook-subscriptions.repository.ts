import { Injectable } from '@nestjs/common';
import { Database, DomainException } from '@hub/service-kit';
import type { DeliveryRow, SubscriptionRow } from './webhook-views';

const notFound = (id: string) =>
  new DomainException('WEBHOOK_NOT_FOUND', `Webhook ${id} does not exist`);

const SUBSCRIPTION_COLUMNS = `id, url, description, events, status, consecutive_failures,
  paused_at, previous_secret_expires_at, created_at, updated_at`;

/** gateway.webhook_subscriptions as admins manage them, always within one workspace. */
@Injectable()
export class WebhookSubscriptionsRepository {
  constructor(private readonly database: Database) {}

  async create(subscription: {
    workspaceId: string;
    url: string;
    description: string | null;
    events: string[];
    sealedSecret: string;
  }): Promise<SubscriptionRow> {
    const db = await this.database.connected();
    const [row] = await db.query<SubscriptionRow[]>(
      `insert into gateway.webhook_subscriptions (workspace_id, url, description, events, secret)
       values ($1, $2, $3, $4, $5) returning ${SUBSCRIPTION_COLUMNS}`,
      [
        subscription.workspaceId,
        subscription.url,
        subscription.description,
        subscription.events,
        subscription.sealedSecret,
      ],
    );
    return row;
  }

  async list(workspaceId: string): Promise<SubscriptionRow[]> {
    const db = await this.database.connected();
    return db.query<SubscriptionRow[]>(
      `select ${SUBSCRIPTION_COLUMNS} from gateway.webhook_subscriptions
        where workspace_id = $1 order by created_at`,
      [workspaceId],
    );
  }

  async get(workspaceId: string, id: string): Promise<SubscriptionRow> {
    const db = await this.database.connected();
    const [row] = await db.query<SubscriptionRow[]>(
      `select ${SUBSCRIPTION_COLUMNS} from gateway.webhook_subscriptions
        where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    if (!row) throw notFound(id);
    return row;
  }

  /** Changes the URL, events or description given; the others stay. */
  async update(change: {
    workspaceId: string;
    id: string;
    url?: string;
    events?: string[];
    description?: string | null;
  }): Promise<SubscriptionRow> {
    const db = await this.database.connected();
    const [rows] = await db.query<[SubscriptionRow[], number]>(
      `update gateway.webhook_subscriptions
          set url = coalesce($3, url), events = coalesce($4, events),
              description = case when $5 then $6 else description end, updated_at = now()
        where workspace_id = $1 and id = $2 returning ${SUBSCRIPTION_COLUMNS}`,
      [
        change.workspaceId,
        change.id,
        change.url ?? null,
        change.events ?? null,
        change.description !== undefined,
        change.description ?? null,
      ],
    );
    if (rows.length === 0) throw notFound(change.id);
    return rows[0];
  }

  /**
   * Replaces the secret; the one it replaces still signs deliveries (beside the new one) until
   * `overlapMs` from now. A rotation during an overlap ends that overlap: only the secret in
   * use just before stays.
   */
  async rotateSecret(rotation: {
    workspaceId: string;
    id: string;
    sealedSecret: string;
    overlapMs: number;
  }): Promise<SubscriptionRow> {
    const db = await this.database.connected();
    const [rows] = await db.query<[SubscriptionRow[], number]>(
      `update gateway.webhook_subscriptions
          set previous_secret = case when $4 > 0 then secret end,
              previous_secret_expires_at =
                case when $4 > 0 then now() + $4 * interval '1 millisecond' end,
              secret = $3, updated_at = now()
        where workspace_id = $1 and id = $2 returning ${SUBSCRIPTION_COLUMNS}`,
      [rotation.workspaceId, rotation.id, rotation.sealedSecret, rotation.overlapMs],
    );
    if (rows.length === 0) throw notFound(rotation.id);
    return rows[0];
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    const db = await this.database.connected();
    const [, deleted] = await db.query<[unknown, number]>(
      `delete from gateway.webhook_subscriptions where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    if (deleted === 0) throw notFound(id);
  }

  /** Active again, its count of failures cleared, and its held deliveries due at once. */
  async resume(workspaceId: string, id: string): Promise<SubscriptionRow> {
    const db = await this.database.connected();
    return db.transaction(async (tx) => {
      const [rows] = await tx.query<[SubscriptionRow[], number]>(
        `update gateway.webhook_subscriptions
            set status = 'active', consecutive_failures = 0, paused_at = null, updated_at = now()
          where workspace_id = $1 and id = $2 returning ${SUBSCRIPTION_COLUMNS}`,
        [workspaceId, id],
      );
      if (rows.length === 0) throw notFound(id);
      await tx.query(
        `update gateway.webhook_deliveries set next_attempt_at = now()
          where subscription_id = $1 and status = 'pending'`,
        [id],
      );
      return rows[0];
    });
  }

  async deliveries(workspaceId: string, id: string, limit: number): Promise<DeliveryRow[]> {
    await this.get(workspaceId, id);
    const db = await this.database.connected();
    return db.query<DeliveryRow[]>(
      `select id, event_id, event_key, replay, status, attempts, next_attempt_at, last_attempt_at,
              last_response_status, last_error, delivered_at, created_at
         from gateway.webhook_deliveries
        where subscription_id = $1 order by created_at desc, id limit $2`,
      [id, limit],
    );
  }

  /**
   * New deliveries (marked as replays) of the subscription's events that happened since `since`,
   * in the order they happened, from the event log; how many.
   */
  async replay(workspaceId: string, id: string, since: Date, limit: number): Promise<number> {
    const subscription = await this.get(workspaceId, id);
    const db = await this.database.connected();
    const rows = await db.query<{ id: string }[]>(
      `insert into gateway.webhook_deliveries
              (workspace_id, subscription_id, event_id, event_key, replay, next_attempt_at)
       select e.workspace_id, $2, e.id, key, true, now()
         from gateway.webhook_events e
         join unnest($3::text[]) key on regexp_replace(key, '\\.v[0-9]+$', '') = e.type
        where e.workspace_id = $1 and e.occurred_at >= $4
        order by e.occurred_at
        limit $5
       returning id`,
      [workspaceId, id, subscription.events, since, limit],
    );
    return rows.length;
  }

  /** Whether the workspace lets webhooks reach loopback, private and link-local addresses. */
  async allowsPrivateTargets(workspaceId: string): Promise<boolean> {
    const db = await this.database.connected();
    const [row] = await db.query<{ allowed: boolean | null }[]>(
      `select (settings->>'webhooksAllowPrivateTargets')::boolean as allowed
         from gateway.workspaces where id = $1`,
      [workspaceId],
    );
    return row?.allowed === true;
  }
}
