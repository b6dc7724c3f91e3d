import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  findRepoRoot,
  jwtSecret,
  keptPasswords,
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
