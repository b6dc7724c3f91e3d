import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { HubServiceName } from '@hub/config';
import { HUB_STREAM_NAMES } from '@hub/contracts';
import { namespacedStream } from '@hub/messaging';
import { createTestDatabase, TestHub, testRunId, testServices } from '@hub/testing';

export interface HubSuite {
  namespace: string;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  hub: TestHub;
  /** The test's own NATS connection, to publish and watch like a service would. */
  nc: NatsConnection;
  stop(): Promise<void>;
}

/**
 * What most end-to-end suites start with: a fresh migrated database, the given services as
 * processes in their own namespace on the shared NATS, and a NATS connection for the test.
 * `stop()` undoes all of it, streams included.
 */
export async function startHubSuite(
  label: string,
  services?: readonly HubServiceName[],
  env?: Record<string, string>,
): Promise<HubSuite> {
  const namespace = `${testRunId()}_${label}`;
  const database = await createTestDatabase(label);
  const hub = await TestHub.start({
    databaseUrl: database.url,
    natsUrl: testServices.natsUrl,
    namespace,
    services,
    env,
  });
  const nc = await connect({ servers: testServices.natsUrl });
  return {
    namespace,
    database,
    hub,
    nc,
    async stop() {
      await hub.stop();
      const jsm = await jetstreamManager(nc);
      for (const stream of HUB_STREAM_NAMES)
        await jsm.streams.delete(namespacedStream(namespace, stream));
      await nc.close();
      await database.drop();
    },
  };
}
