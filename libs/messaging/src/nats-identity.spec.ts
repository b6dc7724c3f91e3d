import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAccount } from '@nats-io/nkeys';
import { createNkeyUser, natsIdentity } from './nats-identity';

describe('natsIdentity', () => {
  it('connects anonymously without a seed, still on the service own reply inbox', () => {
    const identity = natsIdentity({ service: 'gateway', namespace: 'hub' });
    expect(identity.user).toBe('anonymous');
    expect(identity.options).toEqual({ inboxPrefix: '_INBOX.hub.gateway' });
  });

  it('authenticates as the nkey user of a seed given inline or in a file, and trusts a given CA', () => {
    const { seed, publicKey } = createNkeyUser();
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-nkey-'));
    try {
      const file = path.join(dir, 'seed');
      writeFileSync(file, `${seed}\n`);
      const inline = natsIdentity({ service: 'crm', namespace: 'hub', nkeySeed: seed });
      const fromFile = natsIdentity({
        service: 'crm',
        namespace: 'hub',
        nkeySeedFile: file,
        tlsCaFile: '/etc/ca.crt',
      });
      expect(inline.user).toBe(`nkey ${publicKey}`);
      expect(fromFile.user).toBe(`nkey ${publicKey}`);
      expect(fromFile.options.authenticator).toEqual(expect.any(Function));
      expect(fromFile.options.tls).toEqual({ caFile: '/etc/ca.crt' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a malformed seed, a seed of an account, and a service without permissions', () => {
    expect(() =>
      natsIdentity({ service: 'crm', namespace: 'hub', nkeySeed: 'SUNOTASEED' }),
    ).toThrow(/not a valid user seed/);
    const accountSeed = new TextDecoder().decode(createAccount().getSeed());
    expect(() => natsIdentity({ service: 'crm', namespace: 'hub', nkeySeed: accountSeed })).toThrow(
      /not a user seed/,
    );
    expect(() => natsIdentity({ service: 'billing', namespace: 'hub' })).toThrow(
      /no entry in SERVICE_PERMISSIONS/,
    );
  });
});
