import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  findRepoRoot,
  jwtSecret,
  keptPasswords,
  postgresDataDir,
  prepareStateDir,
  stateDirPath,
  readDemoLogins,
  redactUrl,
  writeDemoLogins,
} from './state';

describe('launcher state in .hub/', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hub-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the JWT secret once, keeps it private, and reuses it on later runs', () => {
    const first = jwtSecret(dir, {});
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(jwtSecret(dir, {})).toBe(first);
    expect(statSync(path.join(dir, 'private', 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'private')).mode & 0o777).toBe(0o700);
  });

  it('prefers JWT_SECRET from the environment', () => {
    expect(jwtSecret(dir, { JWT_SECRET: 'from-env' })).toBe('from-env');
  });

  it('keeps the demo logins and offers their passwords for a fresh database', () => {
    expect(readDemoLogins(dir)).toBeUndefined();
    const content = {
      workspaceId: 'w1',
      database: 'postgres://postgres@127.0.0.1:5432/hub',
      logins: [
        { role: 'admin', name: 'Admin', email: 'admin@demo.local', password: 'aaaa-bbbb-cccc' },
        { role: 'agent', name: 'Alice', email: 'alice@demo.local', password: 'dddd-eeee-ffff' },
      ],
    };
    writeDemoLogins(dir, content);
    expect(readDemoLogins(dir)).toEqual(content);
    const file = path.join(dir, 'private', 'demo-logins.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(content);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keptPasswords(readDemoLogins(dir))).toEqual({
      admin: 'aaaa-bbbb-cccc',
      alice: 'dddd-eeee-ffff',
    });
  });

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

  it('hides passwords in printed URLs', () => {
    expect(redactUrl('postgres://postgres:secret@127.0.0.1:54329/hub')).toBe(
      'postgres://postgres:***@127.0.0.1:54329/hub',
    );
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/hub')).toBe(
      'postgres://postgres@127.0.0.1:5432/hub',
    );
  });

  it('finds the repository root from inside it', () => {
    expect(findRepoRoot(__dirname)).toBe(path.resolve(__dirname, '../../..'));
  });
});
