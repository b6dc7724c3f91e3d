import { launcherSettings } from './settings';

describe('launcher settings', () => {
  it('uses .hub/ and the usual ports when the environment says nothing', () => {
    expect(launcherSettings('/repo', {})).toEqual({
      stateDir: '/repo/.hub',
      ports: { localPostgres: 5432, localNats: 4222, embeddedPostgres: 54329 },
      servicePortBase: 3000,
      demoShopPort: 3080,
      smtpPort: 2525,
    });
  });

  it('takes each port and the state directory from the environment', () => {
    expect(
      launcherSettings('/repo', {
        HUB_STATE_DIR: 'tmp/state',
        HUB_POSTGRES_PORT: '15432',
        HUB_EMBEDDED_POSTGRES_PORT: '15433',
        HUB_NATS_PORT: '14222',
        HUB_SERVICE_PORT_BASE: '13000',
        HUB_DEMO_SHOP_PORT: '13080',
        HUB_SMTP_PORT: '12525',
      }),
    ).toEqual({
      stateDir: '/repo/tmp/state',
      ports: { localPostgres: 15432, localNats: 14222, embeddedPostgres: 15433 },
      servicePortBase: 13000,
      demoShopPort: 13080,
      smtpPort: 12525,
    });
  });

  it('names the variable that is not a port', () => {
    expect(() => launcherSettings('/repo', { HUB_NATS_PORT: '42x' })).toThrow(
      'HUB_NATS_PORT must be a TCP port (1-65535), got "42x"',
    );
    expect(() => launcherSettings('/repo', { HUB_SERVICE_PORT_BASE: '70000' })).toThrow(
      /HUB_SERVICE_PORT_BASE must be a TCP port/,
    );
  });
});
