import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { HubServiceName } from '@hub/config';
import { createTestDatabase, testRunId } from '@hub/testing';
import { TestHub, type TestHubStopOptions } from './test-hub';

export interface HubSuite {
  namespace: string;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  hub: TestHub;
  /** The test's own, unrestricted NATS connection, to publish and watch like a service would. */
  nc: NatsConnection;
  stop(options?: TestHubStopOptions): Promise<void>;
}

/**
 * What most end-to-end suites start with: a fresh migrated database, the given services as
 * processes on their own permissioned nats-server, and a NATS connection for the test.
 * `stop()` undoes all of it, and fails if a service broke its bus permissions.
 */
export async function startHubSuite(
  label: string,
  services?: readonly HubServiceName[],
  env?: Record<string, string>,
): Promise<HubSuite> {
  const namespace = `${testRunId()}_${label}`;
  const database = await createTestDatabase(label);
  const hub = await TestHub.start({ databaseUrl: database.url, namespace, services, env });
  // A connection that fails (a dial timeout on a loaded machine) must not leave the hub running:
  // its suite's afterAll has no handle on it, and its processes would keep jest from exiting.
  const nc = await connect(hub.nats.connectOptions()).catch(async (error: unknown) => {
    await hub.stop({ violationsExpected: true }).catch(() => undefined);
    await database.drop();
    throw error;
  });
  return {
    namespace,
    database,
    hub,
    nc,
    async stop(options) {
      await nc.close();
      try {
        await hub.stop(options);
      } finally {
        await database.drop();
      }
    },
  };
}
