import { createHmac, timingSafeEqual } from 'node:crypto';

/** Hex HMAC-SHA256 of the site user's id with the inbox's identity secret: what a site sends. */
export function identityHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/**
 * Whether `hash` vouches for `userId`: compared in constant time, case-insensitively (hex).
 * Without a secret nothing can be vouched for.
 */
export function isValidIdentityHash(secret: string | null, userId: string, hash: string): boolean {
  if (!secret) return false;
  const expected = Buffer.from(identityHash(secret, userId), 'hex');
  const given = Buffer.from(hash, 'hex');
  // A non-hex or short hash decodes to fewer bytes; the lengths differ and it is refused.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
