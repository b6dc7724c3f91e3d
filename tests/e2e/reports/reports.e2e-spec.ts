import type { ConversationView, KpiReportRow, ReportRebuildView } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { JetStreamPublisher } from '@hub/messaging';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { visitorWrites } from '../gateway/support/conversations';
import { TEST_JWT_SECRET } from '../gateway/support/tokens';

const TIME_ZONE = 'Asia/Tokyo';

// Today and tomorrow in the workspace's time zone: a conversation opened now falls in between.
function localToday(): { from: string; to: string } {
  const day = (date: Date) => date.toLocaleDateString('sv-SE', { timeZone: TIME_ZONE });
  return { from: day(new Date()), to: day(new Date(Date.now() + 24 * 3600 * 1000)) };
}

describe('reports over REST, from conversations handled through the hub', () => {
  let suite: HubSuite;
  let api: GatewayApi;
  let db: Client;
  let workspace: WorkspaceFixture;
  let supervisor: string;
  let agent: string;
  let socket: AgentSocketClient;
  const period = localToday();

  beforeAll(async () => {
    suite = await startHubSuite('reports', ['gateway', 'routing', 'conversation', 'crm'], {
      JWT_SECRET: TEST_JWT_SECRET,
    });
    api = new GatewayApi(suite.hub.service('gateway').url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    workspace = await createWorkspace(
      suite.database.url,
      { alice: AgentRole.Agent, sue: AgentRole.Supervisor },
      { settings: { timeZone: TIME_ZONE } },
    );
    const login = (name: string) =>
      api.login(workspace.slug, workspace.agents[name].email, workspace.agents[name].password);
    [agent, supervisor] = await Promise.all([login('alice'), login('sue')]);
    ({ client: socket } = await AgentSocketClient.connect(suite.hub.service('gateway').url, agent));
    await handleOneConversation();
  }, 120_000);

  afterAll(async () => {
    socket?.close();
    await db?.end();
    await suite?.stop();
  });

  // A visitor writes, routing gives it to Alice (the only agent online), she answers and resolves.
  async function handleOneConversation(): Promise<void> {
    const publisher = new JetStreamPublisher(suite.nc, suite.namespace);
    const conversation = await visitorWrites(db, publisher, workspace);
    await socket.waitFor(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as ConversationView).id === conversation.id &&
        (f.conversation as ConversationView).assigneeId === workspace.agents.alice.id,
      15_000,
      'the assignment to reach Alice',
    );
    const path = `/api/v1/conversations/${conversation.id}`;
    const reply = await api.call('POST', `${path}/messages`, {
      token: agent,
      body: { clientMessageId: `reply-${conversation.id}`, content: 'Happy to help' },
    });
    const resolved = await api.call('POST', `${path}/resolve`, { token: agent });
    expect([reply.status, resolved.status]).toEqual([200, 200]);
  }

  function kpis(query: string, token = supervisor) {
    return api.call<KpiReportRow[]>('GET', `/api/v1/reports/kpis?${query}`, { token });
  }

  async function handledByAlice(): Promise<KpiReportRow> {
    let row: KpiReportRow | undefined;
    await waitFor(
      async () => {
        const { body } = await kpis(`from=${period.from}&to=${period.to}&groupBy=agent`);
        row = body.find((r) => r.key === workspace.agents.alice.id);
        return row?.handled === 1;
      },
      20_000,
      () => `the report does not show Alice's conversation: ${JSON.stringify(row)}`,
    );
    return row!;
  }

  it('shows a supervisor the conversation Alice handled today, in the workspace’s day', async () => {
    const row = await handledByAlice();

    expect(row).toEqual(
      expect.objectContaining({
        period: period.from,
        conversations: 1,
        handled: 1,
        missed: 0,
        abandoned: 0,
        csatDistribution: [0, 0, 0, 0, 0],
      }),
    );
    for (const seconds of [row.firstResponseMedian, row.resolutionMedian, row.queueWaitMedian]) {
      expect(seconds).toBeGreaterThanOrEqual(0);
    }
  });

  it('exports the same rows as CSV', async () => {
    await handledByAlice();
    const url = `${api.baseUrl}/api/v1/reports/kpis?from=${period.from}&to=${period.to}&groupBy=agent&format=csv`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${supervisor}` } });
    const lines = (await response.text()).trimEnd().split('\r\n');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toContain(
      `kpis-${period.from}-${period.to}.csv`,
    );
    expect(lines[0].split(',').slice(0, 6)).toEqual([
      'period',
      'key',
      'conversations',
      'handled',
      'missed',
      'abandoned',
    ]);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 6))).toEqual([
      [period.from, workspace.agents.alice.id, '1', '1', '0', '0'],
    ]);
  });

  it('refuses a period over a year, a bad interval, and an agent who is not a supervisor', async () => {
    const tooLong = await kpis('from=2026-01-01&to=2027-01-02');
    const badInterval = await kpis(`from=${period.from}&to=${period.to}&interval=hour`);
    const notSupervisor = await kpis(`from=${period.from}&to=${period.to}`, agent);
    const hoursNotSupervisor = await api.call(
      'GET',
      `/api/v1/reports/busiest-hours?from=${period.from}&to=${period.to}`,
      { token: agent },
    );

    expect(
      [tooLong, badInterval, notSupervisor, hoursNotSupervisor].map(({ status, body }) => [
        status,
        (body as { code: string }).code,
      ]),
    ).toEqual([
      [400, 'REPORT_PERIOD_TOO_LONG'],
      [400, 'VALIDATION_FAILED'],
      [403, 'AUTH_FORBIDDEN'],
      [403, 'AUTH_FORBIDDEN'],
    ]);
  });

  it('rebuilds the reports from the event stream on request, to the same figures', async () => {
    const before = await handledByAlice();
    await db.query(`delete from reporting.conversation_sessions where workspace_id = $1`, [
      workspace.id,
    ]);

    const started = await api.call<ReportRebuildView>('POST', '/api/v1/reports/rebuilds', {
      token: supervisor,
    });
    let rebuild = started.body;
    await waitFor(
      async () => {
        ({ body: rebuild } = await api.call<ReportRebuildView>(
          'GET',
          `/api/v1/reports/rebuilds/${started.body.id}`,
          { token: supervisor },
        ));
        return rebuild.status !== 'running';
      },
      20_000,
      () => 'the rebuild did not finish',
    );

    expect(started.status).toBe(202);
    expect(rebuild).toEqual(
      expect.objectContaining({ status: 'done', requestedBy: workspace.agents.sue.id }),
    );
    expect(await handledByAlice()).toEqual(before);
  });

  it('lists the busiest hour of the day with today’s conversation in it', async () => {
    await handledByAlice();
    const { status, body } = await api.call<{ hour: number; conversations: number }[]>(
      'GET',
      `/api/v1/reports/busiest-hours?from=${period.from}&to=${period.to}`,
      { token: supervisor },
    );

    expect(status).toBe(200);
    expect(body).toHaveLength(24);
    expect(body[0].conversations).toBe(1);
    expect(body.reduce((sum, hour) => sum + hour.conversations, 0)).toBe(1);
  });
});
