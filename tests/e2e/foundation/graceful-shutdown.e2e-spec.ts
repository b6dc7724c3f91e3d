import { randomUUID } from 'node:crypto';
import { JetStreamPublisher } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { createWorkspaceWithInbox, inboundMessage, publishInbound } from '../support/inbound';

describe('SIGTERM to conversation in the middle of a stream', () => {
  let suite: HubSuite;
  let db: Client;

  beforeAll(async () => {
    suite = await startHubSuite('sigterm', ['conversation', 'crm']);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  const storedCount = async () =>
    Number(
      (await db.query<{ n: string }>(`SELECT count(*) AS n FROM conversation.messages`)).rows[0].n,
    );

  it('finishes what is in flight, exits cleanly, and after a restart every message is stored exactly once', async () => {
    const { hub, nc, namespace } = suite;
    const target = await createWorkspaceWithInbox(suite.database.url);
    const publisher = new JetStreamPublisher(nc, namespace);
    const customers = Array.from({ length: 10 }, () => ({ externalId: `visitor-${randomUUID()}` }));
    const messages = Array.from({ length: 1500 }, (_, i) =>
      inboundMessage(target, {
        customer: customers[i % customers.length],
        content: `message ${i}`,
      }),
    );
    // Still publishing when the SIGTERM comes, so the stream has work the instance never took.
    const publishing = (async () => {
      for (const message of messages) await publishInbound(publisher, message);
    })();

    const conversation = hub.service('conversation');
    await waitFor(async () => (await storedCount()) >= 30, 30_000);
    expect(await conversation.stop('SIGTERM')).toBe(0);
    const storedAtShutdown = await storedCount();
    await publishing;
    expect(storedAtShutdown).toBeLessThan(messages.length);

    conversation.start();
    let stored = 0;
    await waitFor(
      async () => (stored = await storedCount()) === messages.length,
      60_000,
      () =>
        `stored ${stored}; conversation's warnings and errors:\n${conversation.logs
          .filter((line) => line.level === 'warn' || line.level === 'error')
          .map((line) => JSON.stringify(line))
          .join('\n')}`,
    );

    const { rows } = await db.query<{
      conversation_id: string;
      seqs: string[];
      distinct_ids: string;
    }>(
      `SELECT conversation_id, array_agg(seq ORDER BY seq) AS seqs, count(DISTINCT channel_message_id) AS distinct_ids
         FROM conversation.messages GROUP BY conversation_id`,
    );
    expect(rows).toHaveLength(customers.length);
    for (const row of rows) {
      const seqs = row.seqs.map(Number);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(Number(row.distinct_ids)).toBe(seqs.length);
    }
  }, 120_000);
});
