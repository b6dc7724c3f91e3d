import { findFreePort } from '@hub/dev-infra';
import { ServiceProcess } from '@hub/testing';
import type { HubSuite } from '../../support/hub-suite';
import { TEST_JWT_SECRET } from './tokens';

/**
 * Another gateway replica on the suite's database and bus, signing as the first does: what one
 * replica does (a logout, a read) must reach the sockets another holds. Ready when it resolves;
 * the caller stops it.
 */
export async function startSecondGateway(
  suite: HubSuite,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  const gateway = new ServiceProcess({
    name: 'gateway',
    port: await findFreePort(),
    env: {
      DATABASE_URL: suite.database.url,
      ...suite.hub.nats.serviceEnv('gateway'),
      HUB_NAMESPACE: suite.namespace,
      JWT_SECRET: TEST_JWT_SECRET,
      ...env,
    },
  }).start();
  try {
    await gateway.waitUntilReady();
  } catch (error) {
    await gateway.stop();
    throw error;
  }
  return gateway;
}
