import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import type { HubServiceName } from '@hub/config';
import { createTestDatabase, TestHub, testRunId, testServices } from '@hub/testing';
import { dropNamespaceStreams } from './drop-streams';
import { startPermissionedNats, type PermissionedNats } from './permissioned-nats';

export interface HubSuite {
  namespace: string;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  hub: TestHub;
  /** The test's own NATS connection, to publish and watch like a service would. */
  nc: NatsConnection;
  /** The private permissioned server, when the suite asked for one. */
  nats?: PermissionedNats;
  stop(): Promise<void>;
}

export interface HubSuiteOptions {
  /**
   * Run on a private nats-server enforcing each service's permissions (`SERVICE_PERMISSIONS`),
   * each service connecting as its own nkey user, as in production. `nc` is then unrestricted.
   */
  permissionedNats?: boolean;
}

/**
 * What most end-to-end suites start with: a fresh migrated database, the given services as
 * processes in their own namespace on the shared NATS (or a private permissioned one), and a
 * NATS connection for the test. `stop()` undoes all of it, streams included.
 */
export async function startHubSuite(
  label: string,
  services?: readonly HubServiceName[],
  env?: Record<string, string>,
  options: HubSuiteOptions = {},
): Promise<HubSuite> {
  const namespace = `${testRunId()}_${label}`;
  const database = await createTestDatabase(label);
  const nats = options.permissionedNats ? await startPermissionedNats(namespace) : undefined;
  const natsUrl = nats?.url ?? testServices.natsUrl;
  const hub = await TestHub.start({
    databaseUrl: database.url,
    natsUrl,
    namespace,
    services,
    env,
    serviceEnv: nats?.serviceEnv,
  });
  const nc = await connect({
    servers: natsUrl,
    ...(nats ? { authenticator: nkeyAuthenticator(new TextEncoder().encode(nats.adminSeed)) } : {}),
  });
  return {
    namespace,
    database,
    hub,
    nc,
    nats,
    async stop() {
      await hub.stop();
      await dropNamespaceStreams(nc, namespace);
      await nc.close();
      await nats?.stop();
      await database.drop();
    },
  };
}
