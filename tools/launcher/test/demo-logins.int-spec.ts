import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyPassword } from '@hub/auth';
import { createTestDatabase, withClient } from '@hub/testing';
import type { TestDatabase } from '@hub/testing';
import { prepareDemoWorkspace, resetDemoLogin } from '../src/demo-workspace';
import { readDemoLogins } from '../src/state';

const storedHash = (url: string, email: string): Promise<string> =>
  withClient(url, async (client) => {
    const rows = await client.query<{ password_hash: string }>(
      'select password_hash from routing.agents where email = $1',
      [email],
    );
    return rows.rows[0].password_hash;
  });

describe('demo logins across launcher runs', () => {
  let db: TestDatabase;
  let first: string;
  let other: string;

  beforeAll(async () => {
    db = await createTestDatabase('demo_logins');
    first = mkdtempSync(path.join(tmpdir(), 'hub-demo-first-'));
    other = mkdtempSync(path.join(tmpdir(), 'hub-demo-other-'));
  });
  afterAll(async () => {
    for (const dir of [first, other]) rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('keeps the logins of the workspace it creates and prints them again on the next run', async () => {
    const created = await prepareDemoWorkspace(db.url, first);
    expect(created.created).toBe(true);
    expect(created.logins?.map((l) => l.email)).toEqual([
      'admin@demo.local',
      'alice@demo.local',
      'bob@demo.local',
    ]);
    await expect(prepareDemoWorkspace(db.url, first)).resolves.toEqual({
      created: false,
      webInboxId: created.webInboxId,
      logins: created.logins,
    });
  });

  it('tells a launcher without the kept logins how to get a password', async () => {
    const run = await prepareDemoWorkspace(db.url, other);
    expect(run.created).toBe(false);
    expect(run.logins).toBeUndefined();
    expect(run.note).toMatch(/npm run demo:password -- alice@demo\.local/);
  });

  it('resets one password in the database, keeps it, and prints it on the next run', async () => {
    const bob = await resetDemoLogin(db.url, other, 'bob@demo.local');
    await expect(
      verifyPassword(bob.password, await storedHash(db.url, 'bob@demo.local')),
    ).resolves.toBe(true);
    await expect(prepareDemoWorkspace(db.url, other)).resolves.toEqual({
      created: false,
      webInboxId: expect.any(String) as unknown,
      logins: [bob],
    });
  });

  it('replaces the reset login among the kept ones, in place, leaving the others', async () => {
    const before = readDemoLogins(first)!.logins;
    const alice = await resetDemoLogin(db.url, first, 'alice@demo.local');
    expect(alice.password).not.toBe(before[1].password);
    expect(readDemoLogins(first)!.logins).toEqual([before[0], alice, before[2]]);
  });
});
