import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import { findFreePort, startEmbeddedPostgres } from '@hub/dev-infra';
import { JetStreamPublisher } from '@hub/messaging';
import { runMigrations } from '@hub/migrations';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { createWorkspaceWithInbox, inboundMessage, publishInbound } from '../support/inbound';
import { TestHub } from '../support/test-hub';

// Restarting the machine's shared PostgreSQL and NATS would disturb everything else on it,
// so this suite restarts the hub's private nats-server and a private PostgreSQL.
describe('every service across restarts of NATS and PostgreSQL', () => {
  const namespace = 'restarts';
  let workDir: string;
  let postgres: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  let hub: TestHub;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'hub-restarts-'));
    await chmod(workDir, 0o755); // the embedded PostgreSQL runs as its own user when we are root
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(workDir, 'pg'),
      port: await findFreePort(),
    });
    await runMigrations(postgres.url);
    hub = await TestHub.start({ databaseUrl: postgres.url, namespace });
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
    await postgres?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  const allReady = (expected: boolean) =>
    Promise.all(hub.all().map((s) => s.waitUntilReady(expected, 30_000)));

  it('turns unready while NATS is down and ready again once it is back', async () => {
    await hub.nats.server.stop();
    await allReady(false);
    for (const service of hub.all()) {
      expect((await service.readiness()).body).toMatchObject({
        checks: { nats: 'down', postgres: 'up' },
      });
    }

    await hub.nats.server.restart();
    await allReady(true);
  }, 90_000);

  it('turns unready while PostgreSQL is down and ready again once it is back', async () => {
    await postgres.stop();
    await allReady(false);
    for (const service of hub.all()) {
      expect((await service.readiness()).body).toMatchObject({
        checks: { postgres: 'down', nats: 'up' },
      });
    }

    await postgres.restart();
    await allReady(true);
  }, 90_000);

  it('still carries a customer message end to end after both restarts', async () => {
    const target = await createWorkspaceWithInbox(postgres.url);
    const nc = await connect(hub.nats.connectOptions());
    const message = inboundMessage(target);
    await publishInbound(new JetStreamPublisher(nc, namespace), message);
    const db = new Client({ connectionString: postgres.url });
    await db.connect();
    try {
      await waitFor(async () => {
        const { rowCount } = await db.query(
          `SELECT 1 FROM conversation.messages WHERE channel_message_id = $1`,
          [message.externalMessageId],
        );
        return rowCount === 1;
      }, 30_000);
    } finally {
      await db.end();
      await nc.close();
    }
  }, 60_000);
});
