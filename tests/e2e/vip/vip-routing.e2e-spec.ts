import { randomUUID } from 'node:crypto';
import {
  SUBJECTS,
  type DepartmentView,
  type LiveFiguresView,
  type QueueEntryView,
  type QueuePositionRealtime,
  type RealtimeEvent,
  type TicketChanged,
} from '@hub/contracts';
import { AgentRole, Priority, TicketStatus } from '@hub/domain';
import { JetStreamPublisher } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { TEST_JWT_SECRET } from '../gateway/support/tokens';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { inboundMessage, publishInbound, storedConversationOf } from '../support/inbound';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

describe('VIP routing through the real services', () => {
  let suite: HubSuite;
  let publisher: JetStreamPublisher;
  let db: Client;
  let api: GatewayApi;
  const positions: QueuePositionRealtime[] = [];
  const sockets: AgentSocketClient[] = [];

  beforeAll(async () => {
    suite = await startHubSuite('vip', ['gateway', 'routing', 'conversation', 'crm'], {
      JWT_SECRET: TEST_JWT_SECRET,
    });
    api = new GatewayApi(suite.hub.service('gateway').url);
    publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    suite.nc.subscribe(`${suite.namespace}.rt.>`, {
      callback: (_error, msg) => {
        const event = msg.json<RealtimeEvent>();
        if (event.type === 'queue.position') positions.push(event);
      },
    });
  }, 90_000);

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  const login = (workspace: WorkspaceFixture, name: string) =>
    api.login(workspace.slug, workspace.agents[name].email, workspace.agents[name].password);

  /** A visitor writes to the web inbox (in `departmentId`); the id of the conversation storing it. */
  async function visitorWrites(
    workspace: WorkspaceFixture,
    visitorId: string,
    departmentId?: string,
  ): Promise<string> {
    const message = inboundMessage(
      { workspaceId: workspace.id, inboxId: workspace.inboxId },
      {
        customer: { externalId: visitorId, name: 'Visitor' },
        ...(departmentId ? { departmentId } : {}),
      },
    );
    await publishInbound(publisher, message);
    return storedConversationOf(db, message);
  }

  /** Waits until routing has the conversation queued with a position; returns its route. */
  async function queued(conversationId: string) {
    let route: { departmentId: string | null; position: number | null; vip: boolean } | undefined;
    await waitFor(
      async () => {
        const { rows } = await db.query<NonNullable<typeof route>>(
          `select department_id as "departmentId", position, vip from routing.routes
            where conversation_id = $1 and state = 'queued'`,
          [conversationId],
        );
        route = rows[0];
        return route?.position != null;
      },
      15_000,
      () => `conversation ${conversationId} was not queued`,
    );
    return route!;
  }

  /** A customer crm already knows (a web identity) and marks as a VIP. */
  async function vipCustomer(workspace: WorkspaceFixture, visitorId: string): Promise<void> {
    const { rows } = await db.query<{ id: string }>(
      `insert into crm.customers (workspace_id, name, vip) values ($1, 'Very Important', true) returning id`,
      [workspace.id],
    );
    await db.query(
      `insert into crm.customer_identities (workspace_id, customer_id, channel, kind, external_id)
       values ($1, $2, 'web', 'channel', $3)`,
      [workspace.id, rows[0].id, visitorId],
    );
  }

  async function queueOf(token: string): Promise<QueueEntryView[]> {
    const { status, body } = await api.call<QueueEntryView[]>('GET', '/api/v1/queue', { token });
    expect(status).toBe(200);
    return body;
  }

  const lastPosition = (conversationId: string) =>
    positions.filter((p) => p.conversationId === conversationId).at(-1)?.position;

  it('queues VIP customers first, tells every visitor their right position, and gives the first free agent to the VIP', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      sam: AgentRole.Supervisor,
      al: AgentRole.Agent,
    });
    const token = await login(workspace, 'sam');
    const regular = await visitorWrites(workspace, randomUUID());
    await queued(regular);
    // A returning visitor made a VIP since their last conversation: routing asks crm.
    const returningVisitor = randomUUID();
    const earlier = await visitorWrites(workspace, returningVisitor);
    await queued(earlier);
    expect(
      (await api.call('POST', `/api/v1/conversations/${earlier}/resolve`, { token })).status,
    ).toBe(200);
    await waitFor(
      async () =>
        (await db.query(`select 1 from routing.routes where conversation_id = $1`, [earlier]))
          .rowCount === 0,
      15_000,
      () => 'routing kept the resolved conversation',
    );
    const later = await visitorWrites(workspace, randomUUID());
    await queued(later);
    await db.query(
      `update crm.customers set vip = true
        where id = (select customer_id from conversation.conversations where id = $1)`,
      [earlier],
    );
    // A VIP crm knows, writing from a new visitor id: conversation learns it from crm's resolve.
    const vipVisitor = randomUUID();
    await vipCustomer(workspace, vipVisitor);

    const vip = await visitorWrites(workspace, vipVisitor);
    expect(await queued(vip)).toMatchObject({ position: 1, vip: true });
    const returning = await visitorWrites(workspace, returningVisitor);
    expect(returning).toBe(earlier);
    expect(await queued(returning)).toMatchObject({ position: 2, vip: true });

    const queue = await queueOf(token);
    expect(queue.map((entry) => [entry.conversationId, entry.position, entry.vip])).toEqual([
      [vip, 1, true],
      [returning, 2, true],
      [regular, 3, false],
      [later, 4, false],
    ]);
    await waitFor(
      () => queue.every((entry) => lastPosition(entry.conversationId) === entry.position),
      5_000,
      () => `positions told: ${JSON.stringify(queue.map((e) => lastPosition(e.conversationId)))}`,
    );

    // One free slot: it goes to the VIP; everyone behind moves up and is told so.
    await db.query(`update routing.agents set max_concurrent_chats = 1 where id = $1`, [
      workspace.agents.al.id,
    ]);
    const { client } = await AgentSocketClient.connect(
      suite.hub.service('gateway').url,
      await login(workspace, 'al'),
    );
    sockets.push(client);
    await waitFor(
      async () =>
        (
          await db.query<{ assignee_id: string | null }>(
            `select assignee_id from conversation.conversations where id = $1`,
            [vip],
          )
        ).rows[0].assignee_id === workspace.agents.al.id,
      15_000,
      () => 'the VIP was not assigned',
    );
    const after = await queueOf(token);
    expect(after.map((entry) => [entry.conversationId, entry.position])).toEqual([
      [returning, 1],
      [regular, 2],
      [later, 3],
    ]);
    await waitFor(
      () => after.every((entry) => lastPosition(entry.conversationId) === entry.position),
      5_000,
      () => `positions told: ${JSON.stringify(after.map((e) => lastPosition(e.conversationId)))}`,
    );
  });

  it('queues a conversation linked to an urgent ticket first, as crm announces the ticket, and back in line once it is solved', async () => {
    const workspace = await createWorkspace(suite.database.url, { sam: AgentRole.Supervisor });
    const token = await login(workspace, 'sam');
    const first = await visitorWrites(workspace, randomUUID());
    const linked = await visitorWrites(workspace, randomUUID());
    await queued(first);
    await queued(linked);
    const ticketId = randomUUID();
    // As crm's tickets publish every write of a ticket (through its outbox).
    const ticketChanged = (version: number, status: TicketStatus): TicketChanged => ({
      eventId: `ticket:${ticketId}:${version}`,
      workspaceId: workspace.id,
      occurredAt: new Date().toISOString(),
      created: version === 1,
      ticket: {
        id: ticketId,
        customerId: randomUUID(),
        subject: 'Order never arrived',
        status,
        priority: Priority.Urgent,
        categoryId: null,
        assigneeId: null,
        departmentId: null,
        vip: false,
        conversationIds: [linked],
        dueAt: null,
        version,
        createdAt: new Date().toISOString(),
      },
      changes: [],
      actorType: 'system',
      actorId: null,
    });
    const order = async () =>
      (await queueOf(token)).map((entry) => [entry.conversationId, entry.position]);

    await publisher.publish(SUBJECTS.crm.ticketChanged, ticketChanged(1, TicketStatus.Open), {
      msgId: `ticket:${ticketId}:1`,
    });
    await waitFor(
      async () => (await order())[0]?.[0] === linked,
      15_000,
      () => "the urgent ticket's conversation did not move to the front",
    );
    expect(await order()).toEqual([
      [linked, 1],
      [first, 2],
    ]);
    await waitFor(
      () => lastPosition(linked) === 1 && lastPosition(first) === 2,
      5_000,
      () => 'the new positions were not told',
    );

    await publisher.publish(SUBJECTS.crm.ticketChanged, ticketChanged(2, TicketStatus.Solved), {
      msgId: `ticket:${ticketId}:2`,
    });
    await waitFor(
      async () => (await order())[0]?.[0] === first,
      15_000,
      () => 'the conversation of the solved ticket kept its rank',
    );
    expect(await order()).toEqual([
      [first, 1],
      [linked, 2],
    ]);
  });

  it('lets admins reserve a department for VIPs: others wait workspace-wide and cannot be transferred in', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      ada: AgentRole.Admin,
      sam: AgentRole.Supervisor,
    });
    const admin = await login(workspace, 'ada');
    const supervisor = await login(workspace, 'sam');
    const path = `/api/v1/departments/${workspace.departmentId}`;

    const refused = await api.call<{ code: string }>('PATCH', path, {
      token: supervisor,
      body: { vipOnly: true },
    });
    const invalid = await api.call<{ code: string }>('PATCH', path, {
      token: admin,
      body: { vipOnly: 'yes' },
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'ROUTING_ADMIN_ONLY']);
    expect([invalid.status, invalid.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const reserved = await api.call<DepartmentView>('PATCH', path, {
      token: admin,
      body: { vipOnly: true },
    });
    expect(reserved.status).toBe(200);
    expect(reserved.body).toMatchObject({ id: workspace.departmentId, vipOnly: true });

    const regular = await visitorWrites(workspace, randomUUID(), workspace.departmentId);
    const vipVisitor = randomUUID();
    await vipCustomer(workspace, vipVisitor);
    const vip = await visitorWrites(workspace, vipVisitor, workspace.departmentId);

    expect(await queued(regular)).toMatchObject({ departmentId: null, position: 1 });
    expect(await queued(vip)).toMatchObject({ departmentId: workspace.departmentId, position: 1 });
    const transfer = await api.call<{ code: string }>(
      'POST',
      `/api/v1/conversations/${regular}/transfer`,
      { token: supervisor, body: { toDepartmentId: workspace.departmentId } },
    );
    expect([transfer.status, transfer.body.code]).toEqual([409, 'ROUTING_VIP_ONLY_DEPARTMENT']);
    expect(await queued(regular)).toMatchObject({ departmentId: null, position: 1 });
  });

  it('shows supervisors the live figures, and refuses them to agents', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      sam: AgentRole.Supervisor,
      al: AgentRole.Agent,
    });
    const vipVisitor = randomUUID();
    await vipCustomer(workspace, vipVisitor);
    await queued(await visitorWrites(workspace, randomUUID(), workspace.departmentId));
    await queued(await visitorWrites(workspace, vipVisitor, workspace.departmentId));
    await queued(await visitorWrites(workspace, randomUUID()));

    const { status, body } = await api.call<LiveFiguresView>('GET', '/api/v1/reports/live', {
      token: await login(workspace, 'sam'),
    });
    const asAgent = await api.call<{ code: string }>('GET', '/api/v1/reports/live', {
      token: await login(workspace, 'al'),
    });

    expect(status).toBe(200);
    expect(
      body.queues.map((q) => [q.departmentId, q.name, q.waiting, q.vipWaiting, q.vipOnly]),
    ).toEqual([
      [workspace.departmentId, 'General', 2, 1, false],
      [null, null, 1, 0, false],
    ]);
    expect(body.queues.every((q) => typeof q.longestWaitSeconds === 'number')).toBe(true);
    expect(body.longestWaitSeconds).toEqual(expect.any(Number));
    expect(body).toMatchObject({ agentsOnline: 0, agents: [] });
    expect([asAgent.status, asAgent.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
  });
});
