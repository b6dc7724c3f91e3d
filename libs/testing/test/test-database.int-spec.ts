import { createTestDatabase, withClient } from '@hub/testing';

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
      expect(db.name).toContain(process.env.HUB_TEST_RUN_ID!.toLowerCase());
      await expect(withClient(db.url, (client) => client.query('select 1'))).resolves.toBeDefined();
    } finally {
      await db.drop();
    }
  });
});
