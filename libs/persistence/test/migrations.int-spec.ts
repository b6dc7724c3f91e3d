import { loadMigrations, revertAllMigrations, runMigrations } from '@hub/migrations';
import { createTestDatabase, withClient } from '@hub/testing';
import type { TestDatabase } from '@hub/testing';
import { userObjects } from './pg-helpers';

// Recorded in the hub_migrations table of every existing database: renaming or reordering one
// would make the runner see a new migration there.
const SHIPPED = [
  'CreateServiceSchemas1795500000000',
  'CreateGatewayTables1795500001000',
  'CreateRoutingTables1795500002000',
  'CreateConversationTables1795500003000',
  'CreateCrmTables1795500004000',
  'RoutingPresenceQueueAssignments1795600000000',
  'CreateWebVisitorSessions1795700000000',
  'ConversationRecipientAgentMessageKeyOutbox1795800000000',
];
let migrationNames: string[];
beforeAll(async () => {
  migrationNames = (await loadMigrations()).map(
    (Migration) => new Migration().name ?? Migration.name,
  );
});

// `reporting`: crm's projection for reports.
const SERVICE_SCHEMAS = [
  'conversation',
  'crm',
  'email',
  'gateway',
  'reporting',
  'routing',
  'social',
  'web',
];

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('migrations', { migrate: false });
  });
  afterAll(() => db?.drop());

  it('keeps the shipped migrations, in their order, ahead of any newer one', () => {
    expect(migrationNames.slice(0, SHIPPED.length)).toEqual(SHIPPED);
  });

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
