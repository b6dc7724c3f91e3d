import { Client } from 'pg';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import type { VisitorClient } from '../support/visitor-client';
import { EngageFixture, ENGAGE_SERVICES } from './engage-fixture';

describe('what a visitor sees of the queue and of the agent', () => {
  let suite: HubSuite;
  let f: EngageFixture;
  let db: Client;

  beforeAll(async () => {
    suite = await startHubSuite('engage_queue', ENGAGE_SERVICES);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  beforeEach(async () => {
    f = await EngageFixture.start(suite);
  });

  afterEach(() => f?.close());

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  const position = (client: VisitorClient, conversationId: string) =>
    client.next((fr) => fr.type === 'queue.position' && fr.conversationId === conversationId);

  it('carries no estimated wait without history, then one from the handling times routing recorded', async () => {
    // Ada takes one chat at a time: the next visitor waits.
    await db.query(`update routing.agents set max_concurrent_chats = 1 where id = $1`, [
      f.workspace.agents.ada.id,
    ]);
    const first = await f.chatWithAda();
    const second = await f.visitor();
    const secondConversation = await f.ask(second.client, 'me too');
    expect(await position(second.client, secondConversation)).toMatchObject({
      position: 1,
      estimatedWaitSeconds: null,
    });

    await f.resolve(first.conversationId);
    await f.agent.waitFor(
      (fr) =>
        fr.type === 'conversation.updated' &&
        (fr.conversation as { id: string }).id === secondConversation &&
        (fr.conversation as { status: string }).status === 'assigned',
      15_000,
      'the second chat assigned to ada',
    );
    const { rows } = await db.query<{ handle_seconds: number }>(
      `select handle_seconds from routing.handling_times where conversation_id = $1`,
      [first.conversationId],
    );
    expect(rows).toHaveLength(1);
    const third = await f.visitor();
    const thirdConversation = await f.ask(third.client, 'and me');

    // One conversation of history over ada's one slot, for the first place in the queue.
    expect(await position(third.client, thirdConversation)).toMatchObject({
      position: 1,
      estimatedWaitSeconds: Math.max(1, rows[0].handle_seconds),
    });
  });

  it('names the agent, with their avatar, in conversation.updated and in the welcome', async () => {
    const { ada } = f.workspace.agents;
    const { client, token, conversationId } = await f.chatWithAda();

    const updated = await client.next(
      (fr) =>
        fr.type === 'conversation.updated' &&
        (fr.conversation as { status: string }).status === 'assigned',
    );
    expect(updated).toMatchObject({
      conversation: { id: conversationId, assignee: { id: ada.id, name: 'ada', avatarUrl: null } },
    });

    const avatarUrl = 'https://cdn.example.com/ada.png';
    const patched = await f.api.call('PATCH', `/api/v1/agents/${ada.id}`, {
      token: f.adminToken,
      body: { avatarUrl },
    });
    expect(patched).toMatchObject({ status: 200, body: { id: ada.id, avatarUrl } });
    // An avatar changes no session: ada's socket stays up.
    expect((await f.agent.request({ type: 'ping' })).type).toBe('pong');

    const { welcome } = await f.again(token);
    expect(welcome).toMatchObject({
      conversation: { id: conversationId, assignee: { id: ada.id, name: 'ada', avatarUrl } },
    });
  });

  it('refuses an avatar URL that is not http(s)', async () => {
    const { ada } = f.workspace.agents;

    const refused = await f.api.call('PATCH', `/api/v1/agents/${ada.id}`, {
      token: f.adminToken,
      body: { avatarUrl: 'javascript:alert(1)' },
    });

    expect(refused).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        fieldErrors: [expect.objectContaining({ field: 'avatarUrl' })],
      },
    });
  });
});
