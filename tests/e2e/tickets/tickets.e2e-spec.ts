import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Subscription } from '@nats-io/transport-node';
import {
  SUBJECTS,
  type MessageCreated,
  type TicketChanged,
  type TicketHistoryEntry,
  type TicketView,
} from '@hub/contracts';
import { AgentRole, Channel } from '@hub/domain';
import {
  JetStreamPublisher,
  namespacedDurable,
  namespacedStream,
  namespacedSubject,
} from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { inboundMessage, publishInbound } from '../support/inbound';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { visitorWrites } from '../gateway/support/conversations';

describe('tickets through the gateway', () => {
  let suite: HubSuite;
  let api: GatewayApi;
  let db: Client;
  let publisher: JetStreamPublisher;
  let events: TicketChanged[];
  let subscription: Subscription;
  const sockets: AgentSocketClient[] = [];

  beforeAll(async () => {
    suite = await startHubSuite('tickets', ['gateway', 'routing', 'conversation', 'crm']);
    api = new GatewayApi(suite.hub.service('gateway').url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    events = [];
    subscription = suite.nc.subscribe(
      namespacedSubject(suite.namespace, SUBJECTS.crm.ticketChanged.subject),
      { callback: (_error, message) => void events.push(message.json<TicketChanged>()) },
    );
    await suite.nc.flush();
  }, 90_000);

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    subscription?.unsubscribe();
    await db?.end();
    await suite?.stop();
  });

  async function workspaceWithAgents(settings?: Record<string, unknown>) {
    const workspace = await createWorkspace(
      suite.database.url,
      { ada: AgentRole.Agent, bo: AgentRole.Agent, sue: AgentRole.Supervisor },
      { settings },
    );
    const login = (name: string) =>
      api.login(workspace.slug, workspace.agents[name].email, workspace.agents[name].password);
    return { workspace, ada: await login('ada'), bo: await login('bo'), sue: await login('sue') };
  }

  async function ticketFromConversation(workspace: WorkspaceFixture, token: string) {
    const conversation = await visitorWrites(db, publisher, workspace, 'My order is late');
    const { status, body } = await api.call<TicketView>('POST', '/api/v1/tickets', {
      token,
      body: { conversationId: conversation.id, subject: 'Late order', priority: 'high' },
    });
    expect(status).toBe(201);
    return { conversation, ticket: body };
  }

  const history = async (token: string, ticketId: string) =>
    (await api.call<TicketHistoryEntry[]>('GET', `/api/v1/tickets/${ticketId}/history`, { token }))
      .body;

  // Every message event published so far has been handled by crm's message consumer.
  async function crmCaughtUp(): Promise<void> {
    const jsm = await jetstreamManager(suite.nc);
    const stream = namespacedStream(suite.namespace, 'EVENTS');
    const { state } = await jsm.streams.info(stream);
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(
          stream,
          namespacedDurable(suite.namespace, 'crm_messages'),
        );
        return info.delivered.stream_seq >= state.last_seq && info.num_ack_pending === 0;
      },
      15_000,
      () => 'crm did not handle every message event',
    );
  }

  it('turns a conversation into a ticket requested by its customer, announced as an event', async () => {
    const { workspace, ada } = await workspaceWithAgents();

    const { conversation, ticket } = await ticketFromConversation(workspace, ada);

    const [{ customer_id: customerId }] = (
      await db.query<{ customer_id: string }>(
        'select customer_id from conversation.conversations where id = $1',
        [conversation.id],
      )
    ).rows;
    expect(ticket).toMatchObject({
      customerId,
      subject: 'Late order',
      status: 'new',
      priority: 'high',
      conversationIds: [conversation.id],
      version: 1,
    });
    await waitFor(
      () => events.some((event) => event.ticket.id === ticket.id),
      10_000,
      () => 'no ticket.changed event',
    );
    expect(events.find((event) => event.ticket.id === ticket.id)).toMatchObject({
      created: true,
      actorType: 'agent',
      actorId: workspace.agents.ada.id,
      ticket: { conversationIds: [conversation.id], status: 'new', priority: 'high' },
    });
    const again = await api.call<{ code: string }>('POST', '/api/v1/tickets', {
      token: ada,
      body: { conversationId: conversation.id, subject: 'Twice' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'TICKET_CONVERSATION_LINKED']);
  });

  it('refuses a stale version with 409 TICKET_CONFLICT, a missing one with 428, a forbidden status with 409', async () => {
    const { workspace, ada } = await workspaceWithAgents();
    const { ticket } = await ticketFromConversation(workspace, ada);
    const patch = (body: object, headers?: Record<string, string>) =>
      api.call<TicketView & { code: string }>('PATCH', `/api/v1/tickets/${ticket.id}`, {
        token: ada,
        body,
        headers,
      });

    const first = await patch({ status: 'open' }, { 'If-Match': '"1"' });
    const stale = await patch({ priority: 'low' }, { 'If-Match': '"1"' });
    const noVersion = await patch({ priority: 'low' });
    const skipToClosed = await patch({ version: 2, status: 'closed' });
    const empty = await patch({ version: 2 });

    expect([first.status, first.body.status, first.body.version]).toEqual([200, 'open', 2]);
    expect([stale.status, stale.body.code]).toEqual([409, 'TICKET_CONFLICT']);
    expect([noVersion.status, noVersion.body.code]).toEqual([428, 'TICKET_VERSION_REQUIRED']);
    expect([skipToClosed.status, skipToClosed.body.code]).toEqual([
      409,
      'TICKET_ILLEGAL_TRANSITION',
    ]);
    expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const now = await api.call<TicketView>('GET', `/api/v1/tickets/${ticket.id}`, { token: ada });
    expect(now.body).toMatchObject({ status: 'open', priority: 'high', version: 2 });
    // The ETag is the version to send back.
    expect(now.headers.get('etag')).toBe('"2"');
    const withEtag = await patch({ priority: 'low' }, { 'If-Match': now.headers.get('etag')! });
    expect([withEtag.status, withEtag.headers.get('etag')]).toEqual([200, '"3"']);
  });

  it('transfers to another agent with a note the history keeps; an unknown agent changes nothing', async () => {
    const { workspace, ada, bo } = await workspaceWithAgents();
    const { ticket } = await ticketFromConversation(workspace, ada);
    await api.call('POST', `/api/v1/tickets/${ticket.id}/transfer`, {
      token: ada,
      body: { version: 1, toAgentId: workspace.agents.ada.id },
    });

    const unknown = await api.call<{ code: string }>(
      'POST',
      `/api/v1/tickets/${ticket.id}/transfer`,
      { token: ada, body: { version: 2, toAgentId: randomUUID() } },
    );
    const transferred = await api.call<TicketView>(
      'POST',
      `/api/v1/tickets/${ticket.id}/transfer`,
      {
        token: ada,
        body: { version: 2, toAgentId: workspace.agents.bo.id, note: 'Bo handles refunds' },
      },
    );
    const notYours = await api.call<{ code: string }>('PATCH', `/api/v1/tickets/${ticket.id}`, {
      token: ada,
      body: { version: 3, priority: 'low' },
    });
    const byBo = await api.call<TicketView>('PATCH', `/api/v1/tickets/${ticket.id}`, {
      token: bo,
      body: { version: 3, priority: 'low' },
    });

    expect([unknown.status, unknown.body.code]).toEqual([404, 'AGENT_NOT_FOUND']);
    expect(transferred.body).toMatchObject({ assigneeId: workspace.agents.bo.id, version: 3 });
    expect([notYours.status, notYours.body.code]).toEqual([403, 'TICKET_NOT_ASSIGNED_TO_YOU']);
    expect(byBo.body).toMatchObject({ priority: 'low', version: 4 });
    const entries = await history(ada, ticket.id);
    expect(entries.map((entry) => entry.action)).toEqual([
      'created',
      'transferred',
      'transferred',
      'updated',
    ]);
    expect(entries[2]).toMatchObject({
      actorType: 'agent',
      actorId: workspace.agents.ada.id,
      changes: [
        { field: 'assigneeId', from: workspace.agents.ada.id, to: workspace.agents.bo.id },
        { field: 'note', from: null, to: 'Bo handles refunds' },
      ],
    });
  });

  it('reopens a solved ticket when its customer writes on another channel, and links that conversation', async () => {
    const { workspace, ada } = await workspaceWithAgents();
    const { ticket } = await ticketFromConversation(workspace, ada);
    await api.call('PATCH', `/api/v1/tickets/${ticket.id}`, {
      token: ada,
      body: { version: 1, status: 'solved' },
    });
    const { emailInboxId, address } = await emailIdentityFor(workspace, ticket.customerId);

    await publishInbound(
      publisher,
      inboundMessage(
        { workspaceId: workspace.id, inboxId: emailInboxId },
        { channel: Channel.Email, customer: { externalId: address }, content: 'Still nothing!' },
      ),
    );

    let reopened: TicketView | undefined;
    await waitFor(
      async () => {
        reopened = (
          await api.call<TicketView>('GET', `/api/v1/tickets/${ticket.id}`, { token: ada })
        ).body;
        return reopened.status === 'open';
      },
      15_000,
      () => `the ticket stayed ${reopened?.status}`,
    );
    const [{ id: emailConversationId }] = (
      await db.query<{ id: string }>(
        'select id from conversation.conversations where inbox_id = $1',
        [emailInboxId],
      )
    ).rows;
    expect(reopened).toMatchObject({
      status: 'open',
      solvedAt: null,
      conversationIds: [...ticket.conversationIds, emailConversationId],
    });
    const last = (await history(ada, ticket.id)).at(-1);
    expect(last).toMatchObject({
      action: 'reopened',
      actorType: 'system',
      actorId: null,
      changes: [
        { field: 'status', from: 'solved', to: 'open' },
        {
          field: 'conversationIds',
          from: ticket.conversationIds,
          to: [...ticket.conversationIds, emailConversationId],
        },
      ],
    });
  });

  it('leaves a ticket solved longer ago than the workspace’s reopen window as it is', async () => {
    const { workspace, ada } = await workspaceWithAgents({ ticketReopenWindowDays: 2 });
    const { conversation, ticket } = await ticketFromConversation(workspace, ada);
    await api.call('PATCH', `/api/v1/tickets/${ticket.id}`, {
      token: ada,
      body: { version: 1, status: 'solved' },
    });
    // Solved three days ago, as far as the window is concerned.
    await db.query(`update crm.tickets set solved_at = now() - interval '3 days' where id = $1`, [
      ticket.id,
    ]);

    const stored = suite.nc.subscribe(
      namespacedSubject(suite.namespace, SUBJECTS.conversation.messageCreated.subject),
    );
    await conversation.say('Hello again');
    // The message's event is on the stream once it reaches a subscriber.
    for await (const message of stored) {
      const event = message.json<MessageCreated>();
      if (event.conversationId === conversation.id && event.seq === 2) break;
    }
    await crmCaughtUp();

    const now = await api.call<TicketView>('GET', `/api/v1/tickets/${ticket.id}`, { token: ada });
    expect(now.body).toMatchObject({ status: 'solved', version: 2 });
  });

  it('sends a due reminder to the assignee’s agent socket', async () => {
    const { workspace, ada } = await workspaceWithAgents();
    const { ticket } = await ticketFromConversation(workspace, ada);
    await api.call('POST', `/api/v1/tickets/${ticket.id}/transfer`, {
      token: ada,
      body: { version: 1, toAgentId: workspace.agents.ada.id },
    });
    const { client } = await AgentSocketClient.connect(suite.hub.service('gateway').url, ada);
    sockets.push(client);

    const created = await api.call<{ id: string }>(
      'POST',
      `/api/v1/tickets/${ticket.id}/reminders`,
      { token: ada, body: { remindAt: new Date(Date.now() + 500).toISOString(), note: 'Call' } },
    );

    const frame = await client.waitFor((f) => f.type === 'ticket.reminder', 15_000);
    expect(frame).toMatchObject({
      type: 'ticket.reminder',
      reminderId: created.body.id,
      ticketId: ticket.id,
      subject: 'Late order',
      note: 'Call',
    });
  });

  it('lists tickets by filter a page at a time', async () => {
    const { workspace, ada } = await workspaceWithAgents();
    const made: TicketView[] = [];
    for (let i = 0; i < 3; i++) made.push((await ticketFromConversation(workspace, ada)).ticket);

    const first = await api.call<{ items: TicketView[]; nextCursor: string | null }>(
      'GET',
      '/api/v1/tickets?status=new,open&priority=high&limit=2',
      { token: ada },
    );
    const second = await api.call<{ items: TicketView[]; nextCursor: string | null }>(
      'GET',
      `/api/v1/tickets?status=new,open&priority=high&limit=2&cursor=${first.body.nextCursor}`,
      { token: ada },
    );
    const bad = await api.call<{ code: string }>('GET', '/api/v1/tickets?status=lost', {
      token: ada,
    });

    expect([...first.body.items, ...second.body.items].map((t) => t.id)).toEqual(
      made.map((t) => t.id).reverse(),
    );
    expect(second.body.nextCursor).toBeNull();
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('lets supervisors, not agents, manage the categories every agent reads', async () => {
    const { ada, sue } = await workspaceWithAgents();

    const byAgent = await api.call<{ code: string }>('POST', '/api/v1/ticket-categories', {
      token: ada,
      body: { name: 'Billing' },
    });
    const top = await api.call<{ id: string }>('POST', '/api/v1/ticket-categories', {
      token: sue,
      body: { name: 'Billing' },
    });
    const child = await api.call<{ id: string }>('POST', '/api/v1/ticket-categories', {
      token: sue,
      body: { name: 'Refunds', parentId: top.body.id },
    });
    const tooDeep = await api.call<{ code: string }>('POST', '/api/v1/ticket-categories', {
      token: sue,
      body: { name: 'Partial', parentId: child.body.id },
    });
    const listed = await api.call<{ name: string }[]>('GET', '/api/v1/ticket-categories', {
      token: ada,
    });

    expect([byAgent.status, byAgent.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
    expect([top.status, child.status]).toEqual([201, 201]);
    expect([tooDeep.status, tooDeep.body.code]).toEqual([400, 'TICKET_CATEGORY_TOO_DEEP']);
    expect(listed.body.map((c) => c.name)).toEqual(['Billing', 'Refunds']);
  });

  // The customer's email address as one of their identities, and an email inbox to write to.
  async function emailIdentityFor(workspace: WorkspaceFixture, customerId: string) {
    const address = `ada-${randomUUID()}@example.com`;
    await db.query(
      `insert into crm.customer_identities (workspace_id, customer_id, channel, external_id)
       values ($1, $2, 'email', $3)`,
      [workspace.id, customerId, address],
    );
    const { rows } = await db.query<{ id: string }>(
      `insert into conversation.inboxes (workspace_id, name, channel)
       values ($1, 'Support mail', 'email') returning id`,
      [workspace.id],
    );
    return { emailInboxId: rows[0].id, address };
  }
});
