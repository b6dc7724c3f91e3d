import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@hub/testing';
import { PreparingClient } from '../src';

describe('PreparingClient', () => {
  let db: TestDatabase;
  let client: PreparingClient;

  beforeAll(async () => {
    db = await createTestDatabase('preparing_client', { migrate: false });
    client = new PreparingClient({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  /** A table of its own per test: statement texts (and so names) are per process. */
  async function table(): Promise<string> {
    const name = `t_${randomBytes(4).toString('hex')}`;
    await client.query(`create table ${name} (id int primary key, body text)`);
    await client.query(`insert into ${name} values (1, 'one'), (2, 'two')`);
    return name;
  }

  const preparedTexts = async () =>
    (
      await client.query<{ statement: string }>('select statement from pg_prepared_statements')
    ).rows.map((row) => row.statement);

  it('sends a statement unnamed at first, then prepares it once, with the same answers', async () => {
    const name = await table();
    const text = `select body from ${name} where id = $1`;
    for (let run = 1; run <= 2; run++) {
      expect((await client.query(text, [run])).rows).toEqual([{ body: run === 1 ? 'one' : 'two' }]);
      expect(await preparedTexts()).not.toContain(text);
    }
    for (let run = 3; run <= 6; run++) {
      expect((await client.query(text, [2])).rows).toEqual([{ body: 'two' }]);
    }
    expect((await preparedTexts()).filter((statement) => statement === text)).toHaveLength(1);
  });

  it('leaves statements without parameters unnamed', async () => {
    const name = await table();
    const text = `select count(*)::int as n from ${name}`;
    for (let run = 0; run < 5; run++) expect((await client.query(text)).rows).toEqual([{ n: 2 }]);
    expect(await preparedTexts()).not.toContain(text);
  });

  it('goes back to unnamed for good when a schema change alters a prepared result', async () => {
    const name = await table();
    const text = `select * from ${name} where id = $1`;
    for (let run = 0; run < 4; run++) await client.query(text, [1]);
    expect(await preparedTexts()).toContain(text);

    await client.query(`alter table ${name} add column extra text default 'new'`);
    // PostgreSQL refuses the prepared statement once; the same text is then sent unnamed.
    await expect(client.query(text, [1])).rejects.toThrow(
      'cached plan must not change result type',
    );
    for (let run = 0; run < 4; run++) {
      expect((await client.query(text, [1])).rows).toEqual([{ id: 1, body: 'one', extra: 'new' }]);
    }
  });
});
