import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUS_SERVICES, type BusService } from '@hub/contracts';
import { natsAuthorizationConfig, nkeyPublicKey } from '@hub/messaging';
import { prepareLocalNatsCredentials } from './nats-credentials';

describe('the launcher NATS credentials', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-nats-credentials-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one private seed per service and lists each public key in the server configuration', () => {
    const { configFile, seedFiles } = prepareLocalNatsCredentials(dir, 'hub');
    const config = readFileSync(configFile, 'utf8');
    for (const service of BUS_SERVICES) {
      expect(statSync(seedFiles[service]).mode & 0o777).toBe(0o600);
      const publicKey = nkeyPublicKey(readFileSync(seedFiles[service], 'utf8'));
      expect(config).toContain(`# ${service}\n    {\n      nkey: "${publicKey}"`);
    }
    expect(statSync(configFile).mode & 0o777).toBe(0o600);
  });

  it('reuses the kept seeds on the next start', () => {
    const first = prepareLocalNatsCredentials(dir, 'hub');
    const seed = readFileSync(first.seedFiles.gateway, 'utf8');
    const second = prepareLocalNatsCredentials(dir, 'hub');
    expect(readFileSync(second.seedFiles.gateway, 'utf8')).toBe(seed);
  });

  it('keeps the dev overlay authorization current with SERVICE_PERMISSIONS and its example seeds', () => {
    const overlay = path.resolve(__dirname, '../../../k8s/overlays/dev');
    const publicKeys = Object.fromEntries(
      BUS_SERVICES.map((service) => [
        service,
        nkeyPublicKey(readFileSync(path.join(overlay, 'nats-keys', `${service}.seed`), 'utf8')),
      ]),
    ) as Record<BusService, string>;
    // On failure: node dist/tools/launcher/src/nats-config.main.js \
    //   --keys k8s/overlays/dev/nats-keys --out k8s/overlays/dev/nats-authorization.conf
    expect(readFileSync(path.join(overlay, 'nats-authorization.conf'), 'utf8')).toBe(
      natsAuthorizationConfig({ namespace: 'hub', servicePublicKeys: publicKeys }),
    );
  });
});
