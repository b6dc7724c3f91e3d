import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import {
  SUBJECTS,
  type BusinessHoursView,
  type SlaClockEvent,
  type SlaClockView,
  type SlaPolicyView,
  type TicketChanged,
} from '@hub/contracts';
import { AgentRole, Priority, TicketStatus } from '@hub/domain';
import { JetStreamPublisher, namespacedStream } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { AgentSocketClient, type Frame } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { inboundMessage, publishInbound } from '../support/inbound';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const SERVICES = ['gateway', 'connector-web', 'conversation', 'crm', 'routing'] as const;
const WAIT_MS = 20_000;
const MINUTE = 60_000;

const EVERY_DAY = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [['00:00', '24:00']]]),
);

/** A calendar-time policy for every ticket and chat: first response in 100 minutes. */
function standardPolicy(resolutionMinutes: number) {
  return {
    name: 'Standard',
    priorities: [],
    categoryIds: [],
    vip: null,
    firstResponseMinutes: 100,
    nextResponseMinutes: null,
    resolutionMinutes,
    hours: 'calendar',
  };
}

/** Today and tomorrow in UTC: holidays that close an every-day schedule for this whole test. */
function todayAndTomorrow(): string[] {
  const now = Date.now();
  return [now, now + 24 * 60 * MINUTE].map((at) => new Date(at).toISOString().slice(0, 10));
}

describe('SLA policies, business hours and clocks through the services', () => {
  let suite: HubSuite;
  let api: GatewayApi;
  let publisher: JetStreamPublisher;
  let db: Client;
  const sockets: AgentSocketClient[] = [];

  beforeAll(async () => {
    suite = await startHubSuite('sla', SERVICES);
    api = new GatewayApi(suite.hub.service('gateway').url);
    publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  }, 180_000);

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.socket.close();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  const login = (workspace: WorkspaceFixture, name: string) =>
    api.login(workspace.slug, workspace.agents[name].email, workspace.agents[name].password);

  async function connect(token: string): Promise<AgentSocketClient> {
    const { client } = await AgentSocketClient.connect(suite.hub.service('gateway').url, token);
    sockets.push(client);
    return client;
  }

  /** The SLA events the EVENTS stream holds for one ticket or conversation, in stream order. */
  async function streamedSlaEvents(subjectId: string): Promise<[string, SlaClockEvent][]> {
    const jsm = await jetstreamManager(suite.nc);
    const stream = namespacedStream(suite.namespace, 'EVENTS');
    const { state } = await jsm.streams.info(stream);
    const found: [string, SlaClockEvent][] = [];
    for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
      const stored = await jsm.streams.getMessage(stream, { seq });
      const subject = stored?.subject.slice(suite.namespace.length + 1) ?? '';
      if (!stored || !subject.startsWith('evt.routing.sla.')) continue;
      const event = stored.json<SlaClockEvent>();
      if (event.subjectId === subjectId) found.push([subject, event]);
    }
    return found;
  }

  it('lets supervisors and admins set hours and policies, and refuses bad ones changing nothing', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      ada: AgentRole.Agent,
      root: AgentRole.Admin,
    });
    const admin = await login(workspace, 'root');
    const agent = await login(workspace, 'ada');
    const hours = { timeZone: 'Asia/Shanghai', week: { mon: [['09:00', '18:00']] }, holidays: [] };

    const badZone = await api.call('PUT', '/api/v1/business-hours/workspace', {
      token: admin,
      body: { ...hours, timeZone: 'Mars/Olympus_Mons', holidays: ['2026-02-30'] },
    });
    const emptyWeek = await api.call('PUT', '/api/v1/business-hours/workspace', {
      token: admin,
      body: { ...hours, week: { mon: [] } },
    });
    const byAgent = await api.call('PUT', '/api/v1/business-hours/workspace', {
      token: agent,
      body: hours,
    });
    const otherDepartment = await api.call(
      'PUT',
      `/api/v1/business-hours/departments/${randomUUID()}`,
      { token: admin, body: hours },
    );
    expect(badZone).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(
      (badZone.body as { fieldErrors: { field: string }[] }).fieldErrors.map((e) => e.field).sort(),
    ).toEqual(['holidays', 'timeZone']);
    expect(emptyWeek).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(byAgent).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
    expect(otherDepartment).toMatchObject({ status: 404, body: { code: 'DEPARTMENT_NOT_FOUND' } });
    expect((await api.call('GET', '/api/v1/business-hours', { token: agent })).body).toEqual([]);

    const saved = await api.call<BusinessHoursView>('PUT', '/api/v1/business-hours/workspace', {
      token: admin,
      body: hours,
    });
    await api.call('PUT', `/api/v1/business-hours/departments/${workspace.departmentId}`, {
      token: admin,
      body: { ...hours, timeZone: 'Asia/Tokyo' },
    });
    expect(saved).toMatchObject({ status: 200, body: { departmentId: null, ...hours } });
    const listed = await api.call<BusinessHoursView[]>('GET', '/api/v1/business-hours', {
      token: agent,
    });
    expect(listed.body.map((h) => [h.departmentId, h.timeZone])).toEqual([
      [null, 'Asia/Shanghai'],
      [workspace.departmentId, 'Asia/Tokyo'],
    ]);

    const policy = {
      name: 'Urgent',
      priorities: [Priority.Urgent],
      categoryIds: [],
      vip: null,
      firstResponseMinutes: 15,
      nextResponseMinutes: null,
      resolutionMinutes: 240,
      hours: 'business',
    };
    const badPolicy = await api.call('POST', '/api/v1/sla/policies', {
      token: admin,
      body: { ...policy, priorities: ['asap'], firstResponseMinutes: 0 },
    });
    const policyByAgent = await api.call('POST', '/api/v1/sla/policies', {
      token: agent,
      body: policy,
    });
    const unknown = await api.call('PUT', `/api/v1/sla/policies/${randomUUID()}`, {
      token: admin,
      body: policy,
    });
    expect(badPolicy).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(policyByAgent).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'SLA_POLICY_NOT_FOUND' } });
    expect((await api.call('GET', '/api/v1/sla/policies', { token: agent })).body).toEqual([]);

    const created = await api.call<SlaPolicyView>('POST', '/api/v1/sla/policies', {
      token: admin,
      body: policy,
    });
    const fallback = await api.call<SlaPolicyView>('POST', '/api/v1/sla/policies', {
      token: admin,
      body: { ...policy, name: 'Everything else', priorities: [], firstResponseMinutes: 60 },
    });
    expect(created).toMatchObject({ status: 201, body: { ...policy, position: 0 } });
    expect(fallback.body.position).toBe(1);
    const removed = await api.call('DELETE', `/api/v1/sla/policies/${created.body.id}`, {
      token: admin,
    });
    expect(removed.status).toBe(204);
    const policies = await api.call<SlaPolicyView[]>('GET', '/api/v1/sla/policies', {
      token: agent,
    });
    expect(policies.body.map((p) => p.name)).toEqual(['Everything else']);
  });

  it('shows the widget offline outside routing’s business hours, a department’s own hours first', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      ada: AgentRole.Agent,
      root: AgentRole.Admin,
    });
    const admin = await login(workspace, 'root');
    await connect(await login(workspace, 'ada'));
    const web = new GatewayApi(suite.hub.service('connector-web').url);
    const config = async () =>
      (await web.call<Record<string, unknown>>('GET', `/api/v1/widget/config/${workspace.inboxId}`))
        .body;
    // ada is online for routing before anything is asked.
    await waitFor(
      async () => (await config()).online === true,
      WAIT_MS,
      () => 'ada online',
    );

    // Closed today and tomorrow: offline although ada is there (the config is cached 5 s).
    await api.call('PUT', '/api/v1/business-hours/workspace', {
      token: admin,
      body: { timeZone: 'UTC', week: EVERY_DAY, holidays: todayAndTomorrow() },
    });
    await waitFor(async () => (await config()).online === false, WAIT_MS);
    expect(await config()).toMatchObject({ online: false, withinBusinessHours: false });

    // The widget shows the General department, which keeps hours of its own: open.
    await db.query(`update conversation.inboxes set settings = $2 where id = $1`, [
      workspace.inboxId,
      JSON.stringify({ widget: { departmentIds: [workspace.departmentId] } }),
    ]);
    await api.call('PUT', `/api/v1/business-hours/departments/${workspace.departmentId}`, {
      token: admin,
      body: { timeZone: 'Asia/Tokyo', week: EVERY_DAY, holidays: [] },
    });
    await waitFor(async () => (await config()).online === true, WAIT_MS);
    expect(await config()).toMatchObject({
      online: true,
      withinBusinessHours: false,
      departments: [{ id: workspace.departmentId, online: true }],
    });
  });

  it('tells a warning and a breach on the assignee’s and the supervisor’s sockets and as events', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      ada: AgentRole.Agent,
      bob: AgentRole.Agent,
      sue: AgentRole.Supervisor,
    });
    const supervisor = await login(workspace, 'sue');
    const ada = await connect(await login(workspace, 'ada'));
    const sue = await connect(supervisor);
    const bob = await connect(await login(workspace, 'bob'));
    await api.call('POST', '/api/v1/sla/policies', {
      token: supervisor,
      body: standardPolicy(60),
    });

    // A ticket opened 80 minutes ago (crm publishes this on every ticket write).
    const ticketId = randomUUID();
    const openedAt = new Date(Date.now() - 80 * MINUTE).toISOString();
    const created: TicketChanged = {
      eventId: `crm.ticket.changed:${ticketId}:1`,
      workspaceId: workspace.id,
      occurredAt: openedAt,
      created: true,
      ticket: {
        id: ticketId,
        customerId: randomUUID(),
        subject: 'Refund not received',
        status: TicketStatus.Open,
        priority: Priority.High,
        categoryId: null,
        assigneeId: workspace.agents.ada.id,
        departmentId: null,
        vip: false,
        conversationIds: [],
        dueAt: null,
        version: 1,
        createdAt: openedAt,
      },
      changes: [],
      actorType: 'system',
      actorId: null,
    };
    await publisher.publish(SUBJECTS.crm.ticketChanged, created, { msgId: created.eventId });

    const alert = (kind: string, metric: string) => (frame: Frame) =>
      frame.type === 'sla.alert' &&
      frame.kind === kind &&
      (frame.clock as SlaClockEvent).subjectId === ticketId &&
      (frame.clock as SlaClockEvent).metric === metric;
    for (const socket of [ada, sue]) {
      await socket.waitFor(alert('breached', 'resolution'), WAIT_MS, 'the resolution breach');
      await socket.waitFor(
        alert('warned', 'first_response'),
        WAIT_MS,
        'the first-response warning',
      );
    }
    const clocks = await api.call<SlaClockView[]>('GET', `/api/v1/sla/clocks/${ticketId}`, {
      token: supervisor,
    });
    const byMetric = Object.fromEntries(clocks.body.map((clock) => [clock.metric, clock]));
    expect(byMetric.first_response).toMatchObject({
      state: 'running',
      breachedAt: null,
      dueAt: new Date(Date.parse(openedAt) + 100 * MINUTE).toISOString(),
    });
    expect(byMetric.first_response.warnedAt).not.toBeNull();
    expect(byMetric.resolution.breachedAt).not.toBeNull();

    await waitFor(async () => (await streamedSlaEvents(ticketId)).length === 3, WAIT_MS);
    expect(
      (await streamedSlaEvents(ticketId)).map(([subject, e]) => [subject, e.metric]).sort(),
    ).toEqual([
      ['evt.routing.sla.breached.v1', 'resolution'],
      ['evt.routing.sla.warned.v1', 'first_response'],
      ['evt.routing.sla.warned.v1', 'resolution'],
    ]);
    expect(bob.frames.filter((frame) => frame.type === 'sla.alert')).toEqual([]);
  });

  it('starts a chat’s first-response clock on the customer’s message and meets it on the reply', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      ada: AgentRole.Agent,
      root: AgentRole.Admin,
    });
    await api.call('POST', '/api/v1/sla/policies', {
      token: await login(workspace, 'root'),
      body: {
        name: 'Chat',
        priorities: [],
        categoryIds: [],
        vip: null,
        firstResponseMinutes: 30,
        nextResponseMinutes: 30,
        resolutionMinutes: 600,
        hours: 'calendar',
      },
    });
    const token = await login(workspace, 'ada');
    const ada = await connect(token);

    await publishInbound(
      publisher,
      inboundMessage({ workspaceId: workspace.id, inboxId: workspace.inboxId }),
    );
    const assigned = await ada.waitFor(
      (f) => f.type === 'conversation.updated',
      WAIT_MS,
      'the assignment',
    );
    const conversationId = (assigned.conversation as { id: string }).id;
    const clocksOf = async () =>
      (await api.call<SlaClockView[]>('GET', `/api/v1/sla/clocks/${conversationId}`, { token }))
        .body;
    await waitFor(async () => (await clocksOf()).length === 2, WAIT_MS);
    expect((await clocksOf()).map((clock) => [clock.metric, clock.state]).sort()).toEqual([
      ['first_response', 'running'],
      ['resolution', 'running'],
    ]);

    await ada.request({
      type: 'message.send',
      conversationId,
      clientMessageId: 'reply-1',
      content: 'Hello, how can I help?',
    });
    await waitFor(
      async () =>
        (await clocksOf()).some((c) => c.metric === 'first_response' && c.state === 'met'),
      WAIT_MS,
    );
    await waitFor(async () => (await streamedSlaEvents(conversationId)).length === 1, WAIT_MS);
    expect(await streamedSlaEvents(conversationId)).toEqual([
      [
        'evt.routing.sla.met.v1',
        expect.objectContaining({ metric: 'first_response', assigneeId: workspace.agents.ada.id }),
      ],
    ]);
  });

  it('lists each ticket with its SLA standing and filters the breached and the at-risk ones', async () => {
    const workspace = await createWorkspace(suite.database.url, {
      ada: AgentRole.Agent,
      sue: AgentRole.Supervisor,
    });
    const token = await login(workspace, 'sue');
    await api.call('POST', '/api/v1/sla/policies', {
      token,
      body: standardPolicy(600),
    });
    const customer = await api.call<{ id: string }>('POST', '/api/v1/customers', {
      token,
      body: { name: 'Mei' },
    });
    const ticket = async (subject: string) =>
      (
        await api.call<{ id: string }>('POST', '/api/v1/tickets', {
          token,
          body: { subject, customerId: customer.body.id },
        })
      ).body.id;
    const [late, nearlyLate, inTime] = [
      await ticket('late'),
      await ticket('nearly'),
      await ticket('in time'),
    ];
    const openClocks = async () =>
      (
        await db.query(
          `select 1 from routing.sla_clocks where subject_id = any($1::uuid[]) and stopped_at is null`,
          [[late, nearlyLate, inTime]],
        )
      ).rowCount;
    await waitFor(async () => (await openClocks()) === 6, WAIT_MS);
    // Time moved on for two of them: one passed its first-response due time, one used 75 %.
    await db.query(
      `update routing.sla_clocks set due_at = now() - interval '1 minute'
        where subject_id = $1 and metric = 'first_response'`,
      [late],
    );
    await db.query(
      `update routing.sla_clocks set warn_at = now() - interval '1 minute'
        where subject_id = $1 and metric = 'first_response'`,
      [nearlyLate],
    );

    type Page = { items: { id: string; sla: { standing: string; dueAt: string | null } }[] };
    const list = async (query = '') =>
      (await api.call<Page>('GET', `/api/v1/tickets${query}`, { token })).body.items;
    const standings = Object.fromEntries((await list()).map((t) => [t.id, t.sla.standing]));
    expect(standings).toEqual({
      [late]: 'breached',
      [nearlyLate]: 'at_risk',
      [inTime]: 'on_track',
    });
    const inTimeItem = (await list()).find((t) => t.id === inTime);
    expect(Date.parse(inTimeItem?.sla.dueAt ?? '')).toBeGreaterThan(Date.now() + 90 * MINUTE);
    expect((await list('?sla=breached')).map((t) => t.id)).toEqual([late]);
    expect((await list('?sla=at_risk&status=new')).map((t) => t.id)).toEqual([nearlyLate]);
    expect((await list('?sla=at_risk&status=open')).map((t) => t.id)).toEqual([]);
    const bad = await api.call<{ code: string }>('GET', '/api/v1/tickets?sla=late', { token });
    expect(bad.body.code).toBe('VALIDATION_FAILED');

    // Due within N minutes: the soonest target ahead inside the window, the breached one left out.
    await db.query(
      `update routing.sla_clocks set due_at = now() + interval '10 minutes'
        where subject_id = $1 and metric = 'first_response'`,
      [nearlyLate],
    );
    const ids = async (query: string) => (await list(query)).map((t) => t.id);
    expect(await ids('?slaDueWithin=30')).toEqual([nearlyLate]);
    expect(await ids('?slaDueWithin=5')).toEqual([]);
    expect((await ids('?slaDueWithin=10080')).sort()).toEqual([nearlyLate, inTime].sort());
    const tooFar = await api.call<{ code: string }>('GET', '/api/v1/tickets?slaDueWithin=10081', {
      token,
    });
    expect([tooFar.status, tooFar.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
