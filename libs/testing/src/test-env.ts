import { randomBytes } from 'node:crypto';

/** Where the tests find PostgreSQL and NATS: the same variables the services read. */
export const testServices = {
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
};

/**
 * A name unique to this test run (set once by the global setup, inherited by the workers),
 * so databases, streams and subjects of two runs never collide.
 */
export function testRunId(): string {
  const id = process.env.HUB_TEST_RUN_ID;
  if (!id) throw new Error('HUB_TEST_RUN_ID is not set: run the tests through jest (global setup)');
  return id;
}

export function newRunId(): string {
  return `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}
