import { verifyPassword } from '@hub/auth';
import { DemoAgentNotFoundError, resetDemoPassword, seedDemoWorkspace } from '@hub/demo-workspace';
import { createTestDatabase, withClient } from '@hub/testing';
import type { TestDatabase } from '@hub/testing';

const storedHash = (url: string, email: string): Promise<string> =>
  withClient(url, async (client) => {
    const rows = await client.query<{ password_hash: string }>(
      'select password_hash from routing.agents where email = $1',
      [email],
    );
    return rows.rows[0].password_hash;
  });

describe('resetting a demo password', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('demo_reset');
  });
  afterAll(() => db?.drop());

  it('refuses while the database has no demo workspace, and says how to create it', async () => {
    const attempt = resetDemoPassword(db.url, 'alice@demo.local');
    await expect(attempt).rejects.toBeInstanceOf(DemoAgentNotFoundError);
    await expect(attempt).rejects.toThrow(/no demo workspace; `npm start` creates it/);
  });

  it("gives one agent a new readable password that verifies, leaving the others' alone", async () => {
    const seeded = await seedDemoWorkspace(db.url);
    const bobBefore = await storedHash(db.url, 'bob@demo.local');

    const reset = await resetDemoPassword(db.url, 'Alice@Demo.Local');

    expect(reset.workspaceId).toBe(seeded.workspaceId);
    expect(reset.login).toEqual({
      role: 'agent',
      name: 'Alice',
      email: 'alice@demo.local',
      password: expect.stringMatching(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/) as unknown,
    });
    const aliceHash = await storedHash(db.url, 'alice@demo.local');
    await expect(verifyPassword(reset.login.password, aliceHash)).resolves.toBe(true);
    const oldAlice = seeded.logins.find((login) => login.email === 'alice@demo.local')!;
    await expect(verifyPassword(oldAlice.password, aliceHash)).resolves.toBe(false);
    expect(await storedHash(db.url, 'bob@demo.local')).toBe(bobBefore);
  });

  it('names the demo agents there are when the email is not one of them', async () => {
    await expect(resetDemoPassword(db.url, 'carol@demo.local')).rejects.toThrow(
      'no demo agent carol@demo.local; the demo agents are admin@demo.local, alice@demo.local, bob@demo.local',
    );
  });
});
