import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postgresDataDir, prepareStateDir, stateDirPath } from './state-dir';
import { jwtSecret } from './state';

describe('the state directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-state-dir-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets anyone pass through the state directory to the database but list nothing in it', () => {
    const state = path.join(dir, '.hub');
    prepareStateDir(state);
    expect(statSync(state).mode & 0o777).toBe(0o711);
    expect(statSync(path.join(state, 'private')).mode & 0o777).toBe(0o700);
    // The usual case: a checkout that every user may pass through.
    chmodSync(dir, 0o755);
    expect(postgresDataDir(state, true)).toBe(path.join(state, 'postgres'));
  });

  it('keeps the database in /var/tmp when, as root, the postgres user could not reach .hub', () => {
    const closed = path.join(dir, 'closed');
    mkdirSync(closed, { mode: 0o700 });
    const state = path.join(closed, '.hub');
    expect(postgresDataDir(state, true)).toMatch(/^\/var\/tmp\/hub-[0-9a-f]{12}\/postgres$/);
    expect(postgresDataDir(state, true)).toBe(postgresDataDir(state, true));
    // A user's own PostgreSQL runs as that user, who reaches everything the launcher made.
    expect(postgresDataDir(state, false)).toBe(path.join(state, 'postgres'));
    chmodSync(closed, 0o711);
    chmodSync(dir, 0o711);
    expect(postgresDataDir(state, true)).toBe(path.join(state, 'postgres'));
  });

  it("moves an older launcher's secrets, logs and NATS store into private/ and tightens .hub", () => {
    const state = path.join(dir, '.hub');
    mkdirSync(path.join(state, 'nats'), { recursive: true, mode: 0o700 });
    writeFileSync(path.join(state, 'jwt-secret'), 'kept-secret\n', { mode: 0o600 });
    writeFileSync(path.join(state, 'postgres.log'), 'log\n');
    prepareStateDir(state);
    expect(jwtSecret(state, {})).toBe('kept-secret');
    expect(existsSync(path.join(state, 'private', 'nats'))).toBe(true);
    expect(existsSync(path.join(state, 'private', 'postgres.log'))).toBe(true);
    expect(existsSync(path.join(state, 'jwt-secret'))).toBe(false);
    expect(statSync(state).mode & 0o777).toBe(0o711);
  });

  it('is .hub/ in the repository unless HUB_STATE_DIR says otherwise', () => {
    expect(stateDirPath('/repo', {})).toBe('/repo/.hub');
    expect(stateDirPath('/repo', { HUB_STATE_DIR: '/var/hub' })).toBe('/var/hub');
  });
});
