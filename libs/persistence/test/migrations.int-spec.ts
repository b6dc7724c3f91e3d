import {
  allMigrations,
  createTestDatabase,
  revertAllMigrations,
  runMigrations,
} from '@hub/persistence';
import type { TestDatabase } from '@hub/persistence';
import { userObjects, withClient } from './pg-helpers';

const migrationNames = allMigrations.map((Migration) => new Migration().name ?? Migration.name);
const SERVICE_SCHEMAS = ['conversation', 'crm', 'email', 'gateway', 'routing', 'social', 'web'];

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('migrations', { migrate: false });
  });
  afterAll(() => db?.drop());

  it('names every migration <PascalCase><13-digit epoch> in ascending order', () => {
    for (const name of migrationNames) expect(name).toMatch(/^[A-Z][A-Za-z]+\d{13}$/);
    const stamps = migrationNames.map((name) => Number(name.slice(-13)));
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
  });

  it('applies every migration on an empty database, then finds nothing left to apply', async () => {
    await expect(runMigrations(db.url)).resolves.toEqual(migrationNames);
    await expect(runMigrations(db.url)).resolves.toEqual([]);

    const { schemas, relations } = await userObjects(db.url);
    expect(schemas).toEqual([...SERVICE_SCHEMAS, 'public'].sort());
    expect(relations).toEqual(
      expect.arrayContaining(['conversation.messages', 'public.hub_migrations']),
    );
  });

  it('reverts completely, leaving only the migrations table, and applies again', async () => {
    await expect(revertAllMigrations(db.url)).resolves.toEqual([...migrationNames].reverse());

    const { schemas, relations } = await userObjects(db.url);
    expect(schemas).toEqual(['public']);
    expect(relations.filter((name) => !name.startsWith('public.hub_migrations'))).toEqual([]);
    const rows = await withClient(db.url, (client) =>
      client.query('select * from public.hub_migrations'),
    );
    expect(rows.rowCount).toBe(0);

    await expect(runMigrations(db.url)).resolves.toEqual(migrationNames);
  });
});

describe('test databases', () => {
  it('get lowercase names of at most 63 characters that carry the run id, however long the label', async () => {
    const db = await createTestDatabase(
      'A Very Long Label That Would Never Fit In A Postgres Identifier',
      {
        migrate: false,
      },
    );
    try {
      expect(db.name.length).toBeLessThanOrEqual(63);
      expect(db.name).toMatch(/^hub_[a-z0-9_]+$/);
      // Read from the environment: persistence loads @hub/testing lazily, never statically.
      expect(db.name).toContain(process.env.HUB_TEST_RUN_ID!.toLowerCase());
      await expect(withClient(db.url, (client) => client.query('select 1'))).resolves.toBeDefined();
    } finally {
      await db.drop();
    }
  });
});

describe('concurrent migration runners', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('migrate_race', { migrate: false });
  });
  afterAll(() => db?.drop());

  it('lets two runners on one fresh database both succeed while the migrations apply once', async () => {
    const [first, second] = await Promise.all([runMigrations(db.url), runMigrations(db.url)]);

    // Whichever got the lock first applied everything; the other found nothing pending.
    expect([first, second].map((applied) => applied.length).sort()).toEqual([
      0,
      migrationNames.length,
    ]);
    const recorded = await withClient(db.url, (client) =>
      client.query<{ name: string }>('select name from public.hub_migrations order by id'),
    );
    expect(recorded.rows.map((row) => row.name)).toEqual(migrationNames);
  });
});
