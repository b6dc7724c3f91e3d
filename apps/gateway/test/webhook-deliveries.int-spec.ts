import { randomUUID } from 'node:crypto';
import type { ServiceEnv } from '@hub/config';
import { Database } from '@hub/service-kit';
import { createTestDatabase, watchStatements, withClient, type TestDatabase } from '@hub/testing';
import type { PublicEvent } from '../src/webhooks/public-event-mapping';
import { WebhookDeliveriesRepository } from '../src/webhooks/webhook-deliveries.repository';

describe('WebhookDeliveriesRepository.record', () => {
  let db: TestDatabase;
  let database: Database;
  let deliveries: WebhookDeliveriesRepository;

  beforeAll(async () => {
    db = await createTestDatabase('webhook_record');
    database = new Database({ DATABASE_URL: db.url } as ServiceEnv, 'gateway', [], {});
    deliveries = new WebhookDeliveriesRepository(database);
  });

  afterAll(async () => {
    await database?.dataSource.destroy();
    await db?.drop();
  });

  const sql = <T>(text: string, params: unknown[] = []) =>
    withClient(db.url, async (client) => (await client.query(text, params)).rows as T[]);

  async function workspace(
    subscribedTo?: string[],
  ): Promise<{ id: string; subscription?: string }> {
    const [{ id }] = await sql<{ id: string }>(
      `insert into gateway.workspaces (name, slug) values ('w', $1) returning id`,
      [`w-${randomUUID().slice(0, 8)}`],
    );
    if (!subscribedTo) return { id };
    const [{ id: subscription }] = await sql<{ id: string }>(
      `insert into gateway.webhook_subscriptions (workspace_id, url, events, secret)
       values ($1, 'https://example.com/hook', $2, 'sealed') returning id`,
      [id, subscribedTo],
    );
    return { id, subscription };
  }

  const messageCreated = (workspaceId: string): PublicEvent => ({
    id: randomUUID(),
    workspaceId,
    type: 'message.created',
    occurredAt: new Date().toISOString(),
    data: { 1: { text: '你好' } },
  });

  it('records events handled together in one statement, each as it would be alone', async () => {
    const subscribed = await workspace(['message.created.v1']);
    const other = await workspace(['conversation.resolved.v1']);
    const quiet = await workspace();
    const inboxId = randomUUID();
    const toSubscriber = messageCreated(subscribed.id);
    const toOtherType = messageCreated(other.id);
    const unheard = messageCreated(quiet.id);
    const apiReply = messageCreated(quiet.id);
    await database.connected();
    const statements: string[] = [];
    const stopWatching = watchStatements(database.dataSource, (text) => statements.push(text));

    // All at once, a redelivery of one among them: the first goes alone, the others wait for
    // it and go together.
    await Promise.all([
      deliveries.record(toSubscriber),
      deliveries.record(toOtherType),
      deliveries.record(unheard),
      deliveries.record(apiReply, inboxId),
      deliveries.record(toSubscriber),
    ]);
    stopWatching();
    expect(statements).toHaveLength(2);

    const events = await sql<{ id: string }>(`select id from gateway.webhook_events order by id`);
    expect(events.map((e) => e.id).sort()).toEqual(
      [toSubscriber.id, toOtherType.id, apiReply.id].sort(),
    );
    const made = await sql<{ event_id: string; subscription_id: string; inbox_id: string }>(
      `select event_id, subscription_id, inbox_id from gateway.webhook_deliveries`,
    );
    expect(made).toHaveLength(2);
    expect(made).toEqual(
      expect.arrayContaining([
        { event_id: toSubscriber.id, subscription_id: subscribed.subscription, inbox_id: null },
        { event_id: apiReply.id, subscription_id: null, inbox_id: inboxId },
      ]),
    );

    // Recorded again later (a redelivery days after): nothing new.
    await deliveries.record(toSubscriber);
    await deliveries.record(apiReply, inboxId);
    expect(await sql(`select id from gateway.webhook_deliveries`)).toHaveLength(2);
  });
});
