import { hashPassword, InvalidPasswordHashError, needsRehash, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the password it hashed and refuses a different one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('stores a self-describing scrypt$N$r$p$salt$hash string with a 16-byte salt', async () => {
    const stored = await hashPassword('secret');
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    expect(scheme).toBe('scrypt');
    expect([Number(n), Number(r), Number(p)]).toEqual([32768, 8, 1]);
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash, 'base64')).toHaveLength(32);
  });

  it('salts every hash, so one password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
  });

  it('treats unicode forms of the same password as equal', async () => {
    const stored = await hashPassword('caf\u00e9');
    await expect(verifyPassword('cafe\u0301', stored)).resolves.toBe(true);
  });

  it('verifies hashes made with older parameters and flags them for rehash', async () => {
    const stored = await hashPassword('secret');
    expect(needsRehash(stored)).toBe(false);
    // Re-derive with N=2^14 by hand to simulate a hash from an older release.
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('secret', salt, 32, { N: 16384 }).toString('base64')}`;
    await expect(verifyPassword('secret', old)).resolves.toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it.each([
    ['plain text', 'hunter2'],
    ['another scheme', 'bcrypt$2b$10$abc$def$ghi'],
    [
      'an absurd cost',
      `scrypt$${2 ** 30}$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`,
    ],
    [
      'N not a power of two',
      'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    ],
    ['no hash', 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$'],
  ])(
    'rejects a stored value that is %s instead of reporting a wrong password',
    async (_, stored) => {
      await expect(verifyPassword('hunter2', stored)).rejects.toBeInstanceOf(
        InvalidPasswordHashError,
      );
    },
  );
});
