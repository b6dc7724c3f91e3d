import { SUBJECTS } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { Client } from 'pg';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { nestRequest } from '../support/nest-request';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const DEFAULTS = {
  typingSneakPeek: true,
  timeZone: 'UTC',
  ticketReopenWindowDays: 7,
  maskingPatterns: [],
  retentionDays: null,
  webhooksAllowPrivateTargets: false,
};

describe('workspace settings REST', () => {
  let suite: HubSuite;
  let api: GatewayApi;
  let workspace: WorkspaceFixture;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    suite = await startHubSuite('prv_settings', ['gateway', 'routing']);
    api = new GatewayApi(suite.hub.service('gateway').url);
    workspace = await createWorkspace(
      suite.database.url,
      { root: AgentRole.Admin, ada: AgentRole.Agent, sam: AgentRole.Supervisor },
      { settings: { widgetTheme: 'dark' } },
    );
    const login = (name: string) =>
      api.login(workspace.slug, workspace.agents[name].email, workspace.agents[name].password);
    [admin, agent] = await Promise.all([login('root'), login('ada')]);
  });

  afterAll(async () => {
    await suite?.stop();
  });

  const settings = (token: string) => api.call('GET', '/api/v1/workspace/settings', { token });
  const patch = (token: string, body: unknown) =>
    api.call<{ code: string; fieldErrors?: { field: string; message: string }[] }>(
      'PATCH',
      '/api/v1/workspace/settings',
      { token, body },
    );

  it('shows an admin the defaults of a workspace that never changed them', async () => {
    expect(await settings(admin)).toMatchObject({ status: 200, body: DEFAULTS });
  });

  it('refuses agents and supervisors, reading or writing', async () => {
    const sam = await api.login(
      workspace.slug,
      workspace.agents.sam.email,
      workspace.agents.sam.password,
    );
    for (const token of [agent, sam]) {
      expect(await settings(token)).toMatchObject({
        status: 403,
        body: { code: 'AUTH_FORBIDDEN' },
      });
      expect(await patch(token, { retentionDays: 30 })).toMatchObject({
        status: 403,
        body: { code: 'AUTH_FORBIDDEN' },
      });
    }
    expect((await settings(admin)).body).toEqual(DEFAULTS);
  });

  it('changes the fields given and keeps the others, including keys it does not own', async () => {
    const changed = await patch(admin, {
      timeZone: 'Asia/Tokyo',
      maskingPatterns: ['ORD-\\d{6}', '[A-Z]{2}\\d{7}'],
      retentionDays: 90,
    });
    const expected = {
      ...DEFAULTS,
      timeZone: 'Asia/Tokyo',
      maskingPatterns: ['ORD-\\d{6}', '[A-Z]{2}\\d{7}'],
      retentionDays: 90,
    };
    expect(changed).toMatchObject({ status: 200, body: expected });
    expect(
      (await patch(admin, { typingSneakPeek: false, ticketReopenWindowDays: 3 })).body,
    ).toEqual({ ...expected, typingSneakPeek: false, ticketReopenWindowDays: 3 });
    expect((await patch(admin, { retentionDays: null })).body).toMatchObject({
      retentionDays: null,
      timeZone: 'Asia/Tokyo',
    });
    const db = new Client({ connectionString: suite.database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ settings: Record<string, unknown> }>(
        'select settings from gateway.workspaces where id = $1',
        [workspace.id],
      );
      expect(rows[0].settings).toMatchObject({ widgetTheme: 'dark', timeZone: 'Asia/Tokyo' });
    } finally {
      await db.end();
    }
  });

  it('tells the retention jobs which workspaces limit retention, and for how many days', async () => {
    const retention = () =>
      nestRequest(suite.nc, suite.namespace, SUBJECTS.gateway.listWorkspaceRetention, {});
    const mine = async () =>
      (await retention()).filter((entry) => entry.workspaceId === workspace.id);
    await patch(admin, { retentionDays: 45 });
    expect(await mine()).toEqual([{ workspaceId: workspace.id, retentionDays: 45 }]);
    await patch(admin, { retentionDays: null });
    expect(await mine()).toEqual([]);
  });

  it.each([
    ['no field at all', {}, 'typingSneakPeek'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['a negative reopen window', { ticketReopenWindowDays: -1 }, 'ticketReopenWindowDays'],
    ['a fractional retention', { retentionDays: 1.5 }, 'retentionDays'],
    ['a retention of zero days', { retentionDays: 0 }, 'retentionDays'],
    ['a pattern that does not compile', { maskingPatterns: ['ORD-(\\d'] }, 'maskingPatterns'],
    ['nested quantifiers', { maskingPatterns: ['ok', '(a+)+$'] }, 'maskingPatterns'],
    ['a pattern matching empty text', { maskingPatterns: ['\\d*'] }, 'maskingPatterns'],
    ['a pattern too long', { maskingPatterns: ['a'.repeat(201)] }, 'maskingPatterns'],
    ['too many patterns', { maskingPatterns: Array(21).fill('x\\d') }, 'maskingPatterns'],
    ['an unknown field', { retentionDays: 30, theme: 'dark' }, 'theme'],
  ])('refuses %s with VALIDATION_FAILED and changes nothing', async (_case, body, field) => {
    const before = (await settings(admin)).body;
    const refused = await patch(admin, body);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.fieldErrors?.map((error) => error.field)).toContain(field);
    expect((await settings(admin)).body).toEqual(before);
  });

  it('says which masking pattern is refused and why', async () => {
    const refused = await patch(admin, { maskingPatterns: ['ok', '(a+)+$'] });
    expect(JSON.stringify(refused.body.fieldErrors)).toContain(
      'maskingPatterns[1] repeats a group that repeats',
    );
  });
});
