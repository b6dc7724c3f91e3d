import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import { BUS_SERVICES, type BusService } from '@hub/contracts';
import { startNatsServer, type NatsServerHandle } from '@hub/dev-infra';
import { createLogger } from '@hub/observability';
import { connectNats, createNkeyUser, natsAuthorizationConfig, natsIdentity } from '../src';

/** A CA and a server certificate for 127.0.0.1 signed by it, as cert-manager issues in prod. */
function issueCertificates(dir: string): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=hub-test-ca',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=nats',
    '-keyout',
    'tls.key',
    '-out',
    'tls.csr',
  );
  writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'tls.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    'san.ext',
    '-out',
    'tls.crt',
  );
}

// The prod overlay's setup on a private server: client TLS plus the generated authorization.
describe('a service on a NATS with TLS and per-service users', () => {
  let dir: string;
  let server: NatsServerHandle;
  const gateway = createNkeyUser();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-nats-tls-'));
    issueCertificates(dir);
    const others = Object.fromEntries(
      BUS_SERVICES.map((service) => [service, createNkeyUser().publicKey]),
    ) as Record<BusService, string>;
    const authorization = natsAuthorizationConfig({
      namespace: 'hub',
      servicePublicKeys: { ...others, gateway: gateway.publicKey },
    });
    const tls = `tls {\n  cert_file: "${dir}/tls.crt"\n  key_file: "${dir}/tls.key"\n}\n`;
    writeFileSync(path.join(dir, 'nats.conf'), `${authorization}\n${tls}`);
    server = await startNatsServer({
      storeDir: path.join(dir, 'jetstream'),
      configFile: path.join(dir, 'nats.conf'),
    });
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('connects over tls:// trusting the CA from NATS_TLS_CA_FILE, as its own user', async () => {
    const identity = natsIdentity({
      service: 'gateway',
      namespace: 'hub',
      nkeySeed: gateway.seed,
      tlsCaFile: path.join(dir, 'ca.crt'),
    });
    const nc = await connectNats({
      url: server.url.replace('nats://', 'tls://'),
      name: 'tls-test',
      logger: createLogger({ service: 'tls-test', level: 'fatal' }),
      identity: identity.options,
    });
    try {
      expect(nc.info?.tls_required).toBe(true);
      await nc.flush();
    } finally {
      await nc.close();
    }
  });

  it('refuses a client that does not trust the CA', async () => {
    await expect(
      connect({
        servers: server.url,
        ...natsIdentity({ service: 'gateway', namespace: 'hub', nkeySeed: gateway.seed }).options,
        reconnect: false,
      }),
    ).rejects.toThrow(/certificate/);
  });
});
