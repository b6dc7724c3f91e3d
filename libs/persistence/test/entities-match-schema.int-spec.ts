import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createDataSource } from '@hub/persistence';
import { createTestDatabase, withClient } from '@hub/testing';
import type { TestDatabase } from '@hub/testing';
import type { DataSource } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's entity class type
type EntityClass = Function;

/**
 * Every app's `apps/<app>/src/<app>.entities.ts` array, found on disk rather than imported:
 * persistence must not depend on the apps (that edge would be a
 * cycle in the project graph), and a new app's entities are checked without editing this test.
 */
async function loadEveryAppsEntities(): Promise<Map<string, EntityClass[]>> {
  const appsDir = path.resolve(__dirname, '../../../apps');
  const found = new Map<string, EntityClass[]>();
  for (const app of readdirSync(appsDir).sort()) {
    const file = path.join(appsDir, app, 'src', `${app}.entities.ts`);
    if (!existsSync(file)) continue;
    const exports = (await import(file)) as Record<string, unknown>;
    const arrays = Object.values(exports).filter((value): value is EntityClass[] =>
      Array.isArray(value),
    );
    found.set(app, arrays.flat());
  }
  return found;
}

/** The quoted literals of a CHECK expression, sorted: `status in ('a', 'b')` → ['a', 'b']. */
function literals(expression: string): string[] {
  return [...expression.matchAll(/'((?:[^']|'')*)'/g)].map((match) => match[1]).sort();
}

describe('entities and migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let entitiesByApp: Map<string, EntityClass[]>;

  beforeAll(async () => {
    entitiesByApp = await loadEveryAppsEntities();
    db = await createTestDatabase('entities');
    const entities = [...entitiesByApp.values()].flat();
    dataSource = createDataSource({ url: db.url, entities, applicationName: 'hub-tests' });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('describe the same schema: TypeORM would change nothing', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const changes = sql.upQueries.map((query) => query.query);
    expect({ changes }).toEqual({ changes: [] });
  });

  it('cover the services that own tables, each in its own schema', () => {
    // The connectors' schemas are named after their channel; crm also owns the reports'
    // projection.
    const schemasOf = (app: string) =>
      app === 'crm' ? ['crm', 'reporting'] : [app.replace(/^connector-/, '')];
    expect([...entitiesByApp.keys()]).toEqual(
      expect.arrayContaining(['conversation', 'crm', 'gateway', 'routing']),
    );
    for (const [app, entities] of entitiesByApp) {
      for (const entity of entities)
        expect([app, schemasOf(app)]).toEqual([
          app,
          expect.arrayContaining([dataSource.getMetadata(entity).schema]),
        ]);
    }
  });

  // TypeORM compares CHECK constraints by name only; this catches a domain value added
  // without a migration (or the reverse).
  it('allow exactly the values of the domain vocabularies in every CHECK', async () => {
    const inDatabase = await withClient(db.url, (client) =>
      client.query<{ name: string; definition: string }>(
        `select conname as name, pg_get_constraintdef(oid) as definition
         from pg_constraint where contype = 'c'`,
      ),
    );
    const definitions = new Map(inDatabase.rows.map((row) => [row.name, row.definition]));
    const mismatches: string[] = [];
    for (const metadata of dataSource.entityMetadatas) {
      for (const check of metadata.checks) {
        const definition = definitions.get(check.name);
        const expected = literals(check.expression ?? '');
        const actual = definition === undefined ? undefined : literals(definition);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          mismatches.push(
            `${check.name}: entity ${JSON.stringify(expected)} vs database ${JSON.stringify(actual)}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('round-trips an entity with database defaults and bigint counters as numbers', async () => {
    // Full row shapes, typed here because the entity classes are loaded by name, not imported.
    type InboxRow = {
      id: string;
      workspaceId: string;
      name: string;
      channel: string;
      settings: unknown;
    };
    type ConversationRow = {
      id: string;
      workspaceId: string;
      inboxId: string;
      customerId: string;
      customerExternalId: string;
      lastSeq: number;
      createdAt: Date;
    };
    const inboxes = dataSource.getRepository<InboxRow>('Inbox');
    const conversations = dataSource.getRepository<ConversationRow>('Conversation');
    const workspaceId = '00000000-0000-4000-8000-000000000001';
    const inbox = await inboxes.save({ workspaceId, name: 'Website', channel: 'web' });
    const saved = await conversations.save({
      workspaceId,
      inboxId: inbox.id,
      customerId: inbox.id,
      customerExternalId: 'visitor-1',
    });
    await conversations.increment({ id: saved.id }, 'lastSeq', 2);

    const loaded = await conversations.findOneByOrFail({ id: saved.id });
    expect(loaded).toMatchObject({
      status: 'open',
      priority: 'normal',
      lastSeq: 2,
      assigneeId: null,
    });
    expect(loaded.createdAt).toBeInstanceOf(Date);
    expect(inbox.settings).toEqual({});
  });
});
