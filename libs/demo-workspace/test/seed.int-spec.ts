import { verifyPassword } from '@hub/auth';
import { seedDemoWorkspace } from '@hub/demo-workspace';
import { createTestDatabase, withClient } from '@hub/testing';
import type { TestDatabase } from '@hub/testing';

describe('demo workspace seed', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('seed');
  });
  afterAll(() => db?.drop());

  it('creates the demo workspace once, with logins whose passwords verify', async () => {
    const first = await seedDemoWorkspace(db.url, { passwords: { admin: 'admin-secret' } });
    expect(first.created).toBe(true);
    expect(first.logins.map(({ role, email }) => [role, email])).toEqual([
      ['admin', 'admin@demo.local'],
      ['agent', 'alice@demo.local'],
      ['agent', 'bob@demo.local'],
    ]);
    expect(first.logins[0].password).toBe('admin-secret');
    expect(first.logins[1].password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    const stored = await withClient(db.url, (client) =>
      client.query<{ email: string; password_hash: string }>(
        'select email, password_hash from routing.agents where workspace_id = $1',
        [first.workspaceId],
      ),
    );
    for (const login of first.logins) {
      const row = stored.rows.find((r) => r.email === login.email);
      await expect(verifyPassword(login.password, row!.password_hash)).resolves.toBe(true);
    }

    const again = await seedDemoWorkspace(db.url);
    expect(again).toEqual({
      created: false,
      workspaceId: first.workspaceId,
      webInboxId: first.webInboxId,
      logins: [],
    });
  });

  it('names its web inbox, which a visitor session needs', async () => {
    const { workspaceId, webInboxId } = await seedDemoWorkspace(db.url);
    const inbox = await withClient(db.url, async (client) => {
      const { rows } = await client.query<{ workspace_id: string; channel: string }>(
        'select workspace_id, channel from conversation.inboxes where id = $1',
        [webInboxId],
      );
      return rows[0];
    });
    expect(inbox).toEqual({ workspace_id: workspaceId, channel: 'web' });
  });

  it('gives its web inbox widget settings: both departments shown, four languages, a secret, always open', async () => {
    const { workspaceId, webInboxId } = await seedDemoWorkspace(db.url);
    const { settings, departments } = await withClient(db.url, async (client) => ({
      settings: (
        await client.query<{ settings: { widget: Record<string, unknown> } }>(
          'select settings from conversation.inboxes where id = $1',
          [webInboxId],
        )
      ).rows[0].settings,
      departments: (
        await client.query<{ id: string; name: string }>(
          'select id, name from routing.departments where workspace_id = $1 order by name',
          [workspaceId],
        )
      ).rows,
    }));
    const widget = settings.widget;

    expect(departments.map((d) => d.name)).toEqual(['General', 'Sales']);
    expect(widget.departmentIds).toEqual([
      departments.find((d) => d.name === 'General')!.id,
      departments.find((d) => d.name === 'Sales')!.id,
    ]);
    expect(Object.keys(widget.greeting as object).sort()).toEqual(['en', 'ja', 'zh-CN', 'zh-TW']);
    expect(widget.identitySecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(widget).toMatchObject({
      businessHours: null,
      preChatForm: { enabled: false },
      uploads: { maxBytes: 10 * 1024 * 1024 },
      autoInvite: [{ id: 'pricing-20s', secondsOnPage: 20, urlPattern: '/pricing*' }],
    });
  });

  it('puts both agents in General and sets up a web inbox and two canned responses', async () => {
    const counts = await withClient(db.url, async (client) => {
      const one = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);
      return {
        workspaces: await one(`select count(*) as n from gateway.workspaces where slug = 'demo'`),
        agents: await one('select count(*) as n from routing.agents'),
        inGeneral: await one(
          `select count(*) as n from routing.department_agents da
           join routing.departments d on d.id = da.department_id where d.name = 'General'`,
        ),
        webInboxes: await one(
          `select count(*) as n from conversation.inboxes where channel = 'web'`,
        ),
        cannedResponses: await one('select count(*) as n from conversation.canned_responses'),
      };
    });
    expect(counts).toEqual({
      workspaces: 1,
      agents: 3,
      inGeneral: 2,
      webInboxes: 1,
      cannedResponses: 2,
    });
  });

  it('creates one workspace when two seeders race', async () => {
    const raceDb = await createTestDatabase('seed_race');
    try {
      const results = await Promise.all([
        seedDemoWorkspace(raceDb.url),
        seedDemoWorkspace(raceDb.url),
      ]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
      expect(results[0].workspaceId).toBe(results[1].workspaceId);
    } finally {
      await raceDb.drop();
    }
  });
});
