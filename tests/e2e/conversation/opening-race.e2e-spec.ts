import { randomUUID } from 'node:crypto';
import { findFreePort } from '@hub/dev-infra';
import { JetStreamPublisher } from '@hub/messaging';
import { ServiceProcess, waitFor } from '@hub/testing';
import { Client } from 'pg';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { createWorkspaceWithInbox, inboundMessage, publishInbound } from '../support/inbound';

describe('first messages racing through two conversation replicas', () => {
  let suite: HubSuite;
  let replica: ServiceProcess;
  let db: Client;

  beforeAll(async () => {
    suite = await startHubSuite('openrace', ['conversation', 'crm']);
    replica = new ServiceProcess({
      name: 'conversation',
      port: await findFreePort(),
      env: {
        DATABASE_URL: suite.database.url,
        ...suite.hub.nats.serviceEnv('conversation'),
        HUB_NAMESPACE: suite.namespace,
        LOG_LEVEL: 'info',
      },
    }).start();
    await replica.waitUntilReady();
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await replica?.stop();
    await db?.end();
    await suite?.stop();
  });

  it('open exactly one conversation per customer, numbering its messages without gaps', async () => {
    const target = await createWorkspaceWithInbox(suite.database.url);
    const publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    const customers = Array.from({ length: 20 }, () => ({ externalId: `visitor-${randomUUID()}` }));

    await Promise.all(
      customers.flatMap((customer) =>
        [1, 2].map((n) =>
          publishInbound(publisher, inboundMessage(target, { customer, content: `first ${n}` })),
        ),
      ),
    );

    const count = async () =>
      Number(
        (await db.query<{ n: string }>(`SELECT count(*) AS n FROM conversation.messages`)).rows[0]
          .n,
      );
    await waitFor(async () => (await count()) === customers.length * 2, 30_000);
    const { rows } = await db.query<{
      customer_external_id: string;
      conversations: string;
      seqs: string[];
    }>(
      `SELECT c.customer_external_id, count(DISTINCT c.id) AS conversations, array_agg(m.seq ORDER BY m.seq) AS seqs
         FROM conversation.conversations c JOIN conversation.messages m ON m.conversation_id = c.id
        GROUP BY c.customer_external_id`,
    );
    expect(rows).toHaveLength(customers.length);
    for (const row of rows) {
      expect({
        customer: row.customer_external_id,
        conversations: Number(row.conversations),
        seqs: row.seqs.map(Number),
      }).toEqual({
        customer: row.customer_external_id,
        conversations: 1,
        seqs: [1, 2],
      });
    }
    // Both replicas took part, so the race was real (a follow-up may be stored in a batch).
    const storedBy = (service: ServiceProcess) =>
      service.logs.filter(
        (l) => l.msg === 'inbound message stored' || l.msg === 'inbound messages stored',
      ).length;
    expect(storedBy(replica)).toBeGreaterThan(0);
    expect(storedBy(suite.hub.service('conversation'))).toBeGreaterThan(0);
  });
});
