import { randomUUID } from 'node:crypto';
import { SUBJECTS } from '@hub/contracts';
import { JetStreamPublisher } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { createWorkspaceWithInbox, inboundMessage, publishInbound } from '../support/inbound';

// conversation opens the conversations of first messages in batches
// (apps/conversation/src/messages/first-message-store.ts): a kill -9 in the middle of them
// must lose, double and reorder nothing.
describe('first messages in batches through a crash of conversation', () => {
  let suite: HubSuite;
  let db: Client;

  beforeAll(async () => {
    suite = await startHubSuite('firstcrash', ['conversation', 'crm']);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);

  it('opens one conversation per customer, each message stored once in the order sent, when conversation is killed mid-batch', async () => {
    const target = await createWorkspaceWithInbox(suite.database.url);
    const publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    const customers = Array.from({ length: 150 }, () => ({
      externalId: `visitor-${randomUUID()}`,
    }));
    const messages = [1, 2].flatMap((n) =>
      customers.map((customer) => inboundMessage(target, { customer, content: `message ${n}` })),
    );
    const conversation = suite.hub.service('conversation');

    // In stream order: every customer's first message, then every second one.
    for (const message of messages) await publishInbound(publisher, message);
    await waitFor(
      async () => (await count(`SELECT count(*) AS n FROM conversation.messages`)) >= 10,
      30_000,
    );
    await conversation.stop('SIGKILL');
    const storedBeforeKill = await count(`SELECT count(*) AS n FROM conversation.messages`);
    conversation.start();
    await conversation.waitUntilReady();

    // What the killed instance had pulled comes back after the consumer's ack wait (10 s).
    await waitFor(
      async () =>
        (await count(`SELECT count(*) AS n FROM conversation.messages`)) === messages.length,
      90_000,
    );
    expect(storedBeforeKill).toBeLessThan(messages.length);
    const { rows } = await db.query<{ conversations: string; contents: string[]; seqs: string[] }>(
      `SELECT count(DISTINCT c.id) AS conversations,
              array_agg(m.content ORDER BY m.seq) AS contents, array_agg(m.seq ORDER BY m.seq) AS seqs
         FROM conversation.conversations c JOIN conversation.messages m ON m.conversation_id = c.id
        WHERE c.inbox_id = $1
        GROUP BY c.customer_external_id`,
      [target.inboxId],
    );
    expect(rows).toHaveLength(customers.length);
    for (const row of rows) {
      expect({
        conversations: Number(row.conversations),
        contents: row.contents,
        seqs: row.seqs.map(Number),
      }).toEqual({ conversations: 1, contents: ['message 1', 'message 2'], seqs: [1, 2] });
    }
    // Every conversation announced once, every message once, all of it published.
    const events = (subject: string) =>
      count(`SELECT count(*) AS n FROM conversation.outbox WHERE subject = '${subject}'`);
    expect(await events(SUBJECTS.conversation.conversationOpened.subject)).toBe(customers.length);
    expect(await events(SUBJECTS.conversation.messageCreated.subject)).toBe(messages.length);
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*) AS n FROM conversation.outbox WHERE published_at IS NULL`,
        )) === 0,
      30_000,
    );
  }, 180_000);
});
