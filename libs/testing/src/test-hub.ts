import { randomBytes } from 'node:crypto';
import { HUB_SERVICES, type HubServiceName } from '@hub/config';
import { findFreePort } from '@hub/dev-infra';
import { ServiceProcess } from './service-process';

export interface TestHubOptions {
  databaseUrl: string;
  natsUrl: string;
  /** HUB_NAMESPACE: keeps this hub's subjects and streams apart from any other on the server. */
  namespace: string;
  services?: readonly HubServiceName[];
  /** Extra variables for every service. */
  env?: Record<string, string>;
  /** Variables for one service only (its NATS credential), over `env`. */
  serviceEnv?: (service: HubServiceName) => Record<string, string>;
}

/** Several hub services started as real processes on free ports, stopped together. */
export class TestHub {
  private constructor(private readonly processes: Map<HubServiceName, ServiceProcess>) {}

  static async start(options: TestHubOptions): Promise<TestHub> {
    const names = options.services ?? HUB_SERVICES.map((s) => s.name);
    const env = {
      DATABASE_URL: options.databaseUrl,
      NATS_URL: options.natsUrl,
      HUB_NAMESPACE: options.namespace,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'debug',
      SHUTDOWN_TIMEOUT_MS: '15000',
      ...options.env,
    };
    const processes = new Map<HubServiceName, ServiceProcess>();
    for (const name of names) {
      const own = { ...env, ...options.serviceEnv?.(name) };
      processes.set(
        name,
        new ServiceProcess({ name, port: await findFreePort(), env: own }).start(),
      );
    }
    const hub = new TestHub(processes);
    await Promise.all([...processes.values()].map((p) => p.waitUntilReady()));
    return hub;
  }

  service(name: HubServiceName): ServiceProcess {
    const found = this.processes.get(name);
    if (!found) throw new Error(`${name} is not part of this test hub`);
    return found;
  }

  all(): ServiceProcess[] {
    return [...this.processes.values()];
  }

  async stop(): Promise<void> {
    await Promise.all(this.all().map((p) => p.stop('SIGTERM')));
  }
}
