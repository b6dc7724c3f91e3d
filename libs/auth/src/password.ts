import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

// Stored format: `scrypt$N$r$p$<salt base64>$<hash base64>`. Self-describing so the cost can
// be raised later without breaking existing hashes (`needsRehash` tells when to upgrade).
//
// N=2^15, r=8, p=1 costs 32 MiB and roughly 50-100 ms per hash: a deliberate middle between
// OWASP's 2^17 (128 MiB, too heavy for a login burst on a small pod) and Node's default 2^14.
const CURRENT = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Upper bound on parameters accepted from a stored hash, so a corrupted or planted row cannot
// make one login allocate gigabytes.
const MAX_N = 2 ** 20;
const MAX_RP = 16;

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

export class InvalidPasswordHashError extends Error {
  readonly code = 'AUTH_INVALID_PASSWORD_HASH';

  constructor(reason: string) {
    super(`stored password hash is not usable: ${reason}`);
    this.name = 'InvalidPasswordHashError';
  }
}

function derive(
  plain: string,
  salt: Buffer,
  keyLength: number,
  params: ScryptOptions,
): Promise<Buffer> {
  const { N = CURRENT.N, r = CURRENT.r } = params;
  // scrypt needs about 128·N·r bytes; Node's default maxmem (32 MiB) is exactly our cost.
  const maxmem = 256 * N * r;
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFKC'), salt, keyLength, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function parseInteger(text: string | undefined, what: string, max: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new InvalidPasswordHashError(`${what} out of range`);
  }
  return value;
}

function parse(stored: string): ParsedHash {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    throw new InvalidPasswordHashError('expected scrypt$N$r$p$salt$hash');
  }
  const [, n, r, p, salt, hash] = parts;
  const N = parseInteger(n, 'N', MAX_N);
  if ((N & (N - 1)) !== 0 || N < 2) throw new InvalidPasswordHashError('N must be a power of two');
  const parsed = {
    N,
    r: parseInteger(r, 'r', MAX_RP),
    p: parseInteger(p, 'p', MAX_RP),
    salt: Buffer.from(salt ?? '', 'base64'),
    hash: Buffer.from(hash ?? '', 'base64'),
  };
  if (parsed.salt.length === 0 || parsed.hash.length < 16) {
    throw new InvalidPasswordHashError('salt or hash missing');
  }
  return parsed;
}

/** Hashes a password with a fresh random salt, in the self-describing stored format. */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(plain, salt, KEY_BYTES, CURRENT);
  const { N, r, p } = CURRENT;
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * True when `plain` matches `stored`. Compares in constant time. Throws
 * InvalidPasswordHashError when `stored` is not a hash this module wrote: that is corrupt
 * data, not a wrong password, and must not look like one.
 */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const { N, r, p, salt, hash } = parse(stored);
  const candidate = await derive(plain, salt, hash.length, { N, r, p });
  return timingSafeEqual(candidate, hash);
}

/** True when `stored` was made with weaker parameters than today's: rehash after a login. */
export function needsRehash(stored: string): boolean {
  const { N, r, p, hash } = parse(stored);
  return N < CURRENT.N || r < CURRENT.r || p < CURRENT.p || hash.length < KEY_BYTES;
}
