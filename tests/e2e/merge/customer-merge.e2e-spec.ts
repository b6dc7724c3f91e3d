import { randomUUID } from 'node:crypto';
import type { CustomerMergeView, CustomerView, InboundMessageReceived } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { JetStreamPublisher } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { inboundMessage, publishInbound } from '../support/inbound';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

interface StoredMessage {
  channelMessageId: string;
  visitorId: string;
  customerId: string;
}

// Merging two customers through the gateway, with crm and conversation as real processes:
// what moves, the exact undo, refusals, and customer messages arriving meanwhile.
describe('merging two customers and undoing it', () => {
  let suite: HubSuite;
  let publisher: JetStreamPublisher;
  let db: Client;
  let api: GatewayApi;

  beforeAll(async () => {
    suite = await startHubSuite('merge', ['gateway', 'routing', 'conversation', 'crm']);
    api = new GatewayApi(suite.hub.service('gateway').url);
    publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  }, 90_000);

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  async function agentOf(workspace: WorkspaceFixture): Promise<string> {
    const alice = workspace.agents.alice;
    return api.login(workspace.slug, alice.email, alice.password);
  }

  const say = (workspace: WorkspaceFixture, visitorId: string): InboundMessageReceived =>
    inboundMessage(
      { workspaceId: workspace.id, inboxId: workspace.inboxId },
      { customer: { externalId: visitorId, name: 'Ada' } },
    );

  const storedMessages = async (workspace: WorkspaceFixture) =>
    (
      await db.query<StoredMessage>(
        `select m.channel_message_id as "channelMessageId", c.customer_external_id as "visitorId",
                c.customer_id as "customerId"
           from conversation.messages m join conversation.conversations c on c.id = m.conversation_id
          where m.workspace_id = $1`,
        [workspace.id],
      )
    ).rows;

  async function allStored(workspace: WorkspaceFixture, messages: InboundMessageReceived[]) {
    await waitFor(
      async () => {
        const ids = new Set((await storedMessages(workspace)).map((m) => m.channelMessageId));
        return messages.every((m) => ids.has(m.externalMessageId));
      },
      20_000,
      () => 'not every message was stored',
    );
  }

  /** A visitor writes once; resolves with the customer crm made for them. */
  async function visitor(
    workspace: WorkspaceFixture,
  ): Promise<{ visitorId: string; customerId: string }> {
    const visitorId = `visitor-${randomUUID()}`;
    const first = say(workspace, visitorId);
    await publishInbound(publisher, first);
    await allStored(workspace, [first]);
    const stored = (await storedMessages(workspace)).find(
      (m) => m.channelMessageId === first.externalMessageId,
    );
    return { visitorId, customerId: stored!.customerId };
  }

  const customer = (token: string, customerId: string) =>
    api.call<CustomerView>('GET', `/api/v1/customers/${customerId}`, { token });

  const merge = (token: string, customerId: string, otherCustomerId: string) =>
    api.call<CustomerMergeView & { code?: string }>(
      'POST',
      `/api/v1/customers/${customerId}/merge`,
      { token, body: { otherCustomerId } },
    );

  const undo = (token: string, mergeId: string) =>
    api.call<CustomerMergeView & { code?: string }>(
      'POST',
      `/api/v1/customer-merges/${mergeId}/undo`,
      { token },
    );

  it('moves the other customer’s identities, conversations and orders to the one kept, and undoes it exactly', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const token = await agentOf(workspace);
    const kept = await visitor(workspace);
    const other = await visitor(workspace);
    await db.query(
      `insert into crm.orders (workspace_id, customer_id, external_id, status, total_cents, currency, ordered_at)
       values ($1, $2, 'order-1', 'paid', 4200, 'JPY', now())`,
      [workspace.id, other.customerId],
    );
    const before = {
      kept: (await customer(token, kept.customerId)).body,
      other: (await customer(token, other.customerId)).body,
    };

    const merged = await merge(token, kept.customerId, other.customerId);

    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      customerId: kept.customerId,
      mergedCustomerId: other.customerId,
      mergedBy: workspace.agents.alice.id,
      conversationsPending: false,
    });
    expect(merged.body.conversationsMoved).toBe(1);
    expect(merged.body.moved).toMatchObject({ 'crm.customer_identities': 1, 'crm.orders': 1 });
    expect((await customer(token, other.customerId)).body).toMatchObject({
      code: 'CUSTOMER_NOT_FOUND',
    });
    const whole = (await customer(token, kept.customerId)).body;
    expect(whole.identities.map((i) => i.externalId).sort()).toEqual(
      [kept.visitorId, other.visitorId].sort(),
    );
    const conversations = await db.query<{ customer_id: string; status: string }>(
      `select customer_id, status from conversation.conversations where workspace_id = $1`,
      [workspace.id],
    );
    // Both were waiting in the one web inbox: both stay open, on the customer kept.
    expect(conversations.rows).toEqual([
      { customer_id: kept.customerId, status: 'open' },
      { customer_id: kept.customerId, status: 'open' },
    ]);

    const undone = await undo(token, merged.body.id);

    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({
      undoneBy: workspace.agents.alice.id,
      conversationsPending: false,
    });
    expect((await customer(token, kept.customerId)).body).toEqual(before.kept);
    expect((await customer(token, other.customerId)).body).toEqual(before.other);
    const after = await db.query<{ customer_id: string }>(
      `select customer_id from conversation.conversations where customer_external_id = $1`,
      [other.visitorId],
    );
    expect(after.rows).toEqual([{ customer_id: other.customerId }]);
  });

  it('stores every message arriving during a merge and its undo once, on the customer its sender belongs to', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const token = await agentOf(workspace);
    const kept = await visitor(workspace);
    const other = await visitor(workspace);
    const burst = () =>
      Array.from({ length: 10 }, (_, i) =>
        say(workspace, i % 2 ? kept.visitorId : other.visitorId),
      );

    const duringMerge = burst();
    const [merged] = await Promise.all([
      merge(token, kept.customerId, other.customerId),
      ...duringMerge.map((m) => publishInbound(publisher, m)),
    ]);
    expect(merged.status).toBe(200);
    await allStored(workspace, duringMerge);
    expect(new Set((await storedMessages(workspace)).map((m) => m.customerId))).toEqual(
      new Set([kept.customerId]),
    );

    const duringUndo = burst();
    const [undone] = await Promise.all([
      undo(token, merged.body.id),
      ...duringUndo.map((m) => publishInbound(publisher, m)),
    ]);
    expect(undone.status).toBe(200);
    await allStored(workspace, duringUndo);

    const stored = await storedMessages(workspace);
    const ids = stored.map((m) => m.channelMessageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(stored).toHaveLength(2 + duringMerge.length + duringUndo.length);
    const owner = { [kept.visitorId]: kept.customerId, [other.visitorId]: other.customerId };
    expect(stored.filter((m) => m.customerId !== owner[m.visitorId])).toEqual([]);
  });

  it('finishes the conversations’ part once the conversation service is back, with the messages that waited for it', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const token = await agentOf(workspace);
    const kept = await visitor(workspace);
    const other = await visitor(workspace);
    const conversation = suite.hub.service('conversation');
    await conversation.stop();
    let waiting: InboundMessageReceived[] = [];
    try {
      const merged = await merge(token, kept.customerId, other.customerId);
      expect([merged.status, merged.body.conversationsPending]).toEqual([200, true]);
      waiting = [say(workspace, other.visitorId), say(workspace, kept.visitorId)];
      for (const message of waiting) await publishInbound(publisher, message);
    } finally {
      conversation.start();
      await conversation.waitUntilReady();
    }

    await allStored(workspace, waiting);
    await waitFor(
      async () => {
        const { rows } = await db.query<{ customer_id: string }>(
          `select distinct customer_id from conversation.conversations where workspace_id = $1`,
          [workspace.id],
        );
        return rows.length === 1 && rows[0].customer_id === kept.customerId;
      },
      30_000,
      () => 'the merged customer’s conversations never moved',
    );
    // crm marks its merge done once conversation has answered that it moved them: a moment
    // after the move is visible (or at its sweep, if the answer was lost while it started).
    await waitFor(
      async () => {
        const { rows } = await db.query<{ pending: boolean }>(
          `select conversations_moved_at is null as pending from crm.customer_merges
            where workspace_id = $1`,
          [workspace.id],
        );
        return rows.length === 1 && !rows[0].pending;
      },
      30_000,
      () => 'crm never marked the merge’s conversations moved',
    );
    expect(await storedMessages(workspace)).toHaveLength(4);
  });

  it('refuses a merge with itself, across workspaces, of a merged customer, and a second undo, changing nothing', async () => {
    const workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const elsewhere = await createWorkspace(suite.database.url, { alice: AgentRole.Agent });
    const token = await agentOf(workspace);
    const a = await visitor(workspace);
    const b = await visitor(workspace);
    const c = await visitor(workspace);
    const stranger = await visitor(elsewhere);

    const refusals = [
      await merge(token, a.customerId, a.customerId),
      await merge(token, a.customerId, stranger.customerId),
      await api.call('POST', `/api/v1/customers/${a.customerId}/merge`, {
        token,
        body: { otherCustomerId: 'not-an-id', extra: true },
      }),
    ];
    expect(refusals.map((r) => [r.status, (r.body as { code: string }).code])).toEqual([
      [400, 'CUSTOMER_MERGE_SAME'],
      [404, 'CUSTOMER_NOT_FOUND'],
      [400, 'VALIDATION_FAILED'],
    ]);
    const merges = await db.query(`select 1 from crm.customer_merges where workspace_id = $1`, [
      workspace.id,
    ]);
    expect(merges.rowCount).toBe(0);

    const { body } = await merge(token, a.customerId, b.customerId);
    const again = await merge(token, c.customerId, b.customerId);
    expect([again.status, again.body.code]).toEqual([409, 'CUSTOMER_ALREADY_MERGED']);
    await undo(token, body.id);
    const twice = await undo(token, body.id);
    expect([twice.status, twice.body.code]).toEqual([409, 'CUSTOMER_MERGE_ALREADY_UNDONE']);
    const unknown = await undo(token, randomUUID());
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CUSTOMER_MERGE_NOT_FOUND']);
    expect((await customer(token, c.customerId)).body.identities).toHaveLength(1);
  });
});
