import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HUB_SERVICES, type HubServiceName } from '@hub/config';
import { findFreePort } from '@hub/dev-infra';
import { ServiceProcess } from '@hub/testing';
import { startPermissionedNats, type PermissionedNats } from './permissioned-nats';

export interface TestHubOptions {
  databaseUrl: string;
  /** HUB_NAMESPACE: the namespace the server's permissions are generated for. */
  namespace: string;
  services?: readonly HubServiceName[];
  /** Extra variables for every service. */
  env?: Record<string, string>;
}

export interface TestHubStopOptions {
  /** For the one suite that provokes violations on purpose; every other suite must cause none. */
  violationsExpected?: boolean;
}

/**
 * Several hub services started as real processes on free ports, on a private nats-server that
 * enforces `SERVICE_PERMISSIONS` (each service its own nkey user, as in production), stopped
 * together with that server.
 */
export class TestHub {
  private readonly replicas: ServiceProcess[] = [];

  private constructor(
    private readonly processes: Map<HubServiceName, ServiceProcess>,
    readonly nats: PermissionedNats,
    private readonly env: Record<string, string>,
  ) {}

  static async start(options: TestHubOptions): Promise<TestHub> {
    const names = options.services ?? HUB_SERVICES.map((s) => s.name);
    const nats = await startPermissionedNats(options.namespace);
    const env = {
      DATABASE_URL: options.databaseUrl,
      HUB_NAMESPACE: options.namespace,
      JWT_SECRET: randomBytes(32).toString('hex'),
      // Both edges sign and check file links with it; uploads go to a folder of this hub's own.
      FILES_SIGNING_SECRET: randomBytes(32).toString('hex'),
      // Seals inbox credentials (platform tokens, signing secrets) in the database.
      SECRETS_KEY: randomBytes(32).toString('hex'),
      FILES_DIR: path.join(tmpdir(), `hub-files-${options.namespace}`),
      LOG_LEVEL: 'debug',
      SHUTDOWN_TIMEOUT_MS: '15000',
      ...options.env,
    };
    const processes = new Map<HubServiceName, ServiceProcess>();
    for (const name of names) {
      processes.set(name, await serviceProcess(name, env, nats));
    }
    const hub = new TestHub(processes, nats, env);
    try {
      await Promise.all([...processes.values()].map((p) => p.waitUntilReady()));
    } catch (error) {
      // A hub that never became ready is stopped here: its suite's afterAll has no handle on it,
      // and its processes would keep jest from exiting.
      await hub.stop({ violationsExpected: true }).catch(() => undefined);
      throw error;
    }
    return hub;
  }

  service(name: HubServiceName): ServiceProcess {
    const found = this.processes.get(name);
    if (!found) throw new Error(`${name} is not part of this test hub`);
    return found;
  }

  /**
   * Another process of a service beside the first (same database, namespace and bus user), on
   * ports of its own; stopped with the hub. Resolves once it is ready.
   */
  async startReplica(name: HubServiceName): Promise<ServiceProcess> {
    const replica = await serviceProcess(name, this.env, this.nats);
    this.replicas.push(replica);
    await replica.waitUntilReady();
    return replica;
  }

  /** Every process of the hub, replicas included. */
  all(): ServiceProcess[] {
    return [...this.processes.values(), ...this.replicas];
  }

  /**
   * Stops the services, then the server, and fails when the server logged a permission
   * violation: a service reached beyond the subjects `SERVICE_PERMISSIONS` grants it.
   */
  async stop({ violationsExpected = false }: TestHubStopOptions = {}): Promise<void> {
    await Promise.all(this.all().map((p) => p.stop('SIGTERM')));
    const violations = this.nats.violations();
    await this.nats.stop();
    if (violations.length > 0 && !violationsExpected) {
      throw new Error(`NATS refused a service's publish or subscribe:\n${violations.join('\n')}`);
    }
  }
}

async function serviceProcess(
  name: HubServiceName,
  env: Record<string, string>,
  nats: PermissionedNats,
): Promise<ServiceProcess> {
  const own = { ...env, ...nats.serviceEnv(name), ...(await ownPorts(name, env)) };
  return new ServiceProcess({ name, port: await findFreePort(), env: own }).start();
}

/** Ports a service listens on besides PORT: connector-email's SMTP port, free unless given. */
async function ownPorts(
  name: HubServiceName,
  env: Record<string, string>,
): Promise<Record<string, string>> {
  if (name !== 'connector-email' || env.SMTP_PORT) return {};
  return { SMTP_PORT: String(await findFreePort()) };
}
