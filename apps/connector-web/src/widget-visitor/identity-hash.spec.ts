import { createHmac } from 'node:crypto';
import { identityHash, isValidIdentityHash } from './identity-hash';

const secret = 'n3v3r-sent-to-browsers-0123456789';

describe('identity hash (HMAC-SHA256 of the site user id)', () => {
  it('is the hex HMAC-SHA256 a site computes with its secret', () => {
    const expected = createHmac('sha256', secret).update('user-42').digest('hex');

    expect(identityHash(secret, 'user-42')).toBe(expected);
    expect(isValidIdentityHash(secret, 'user-42', expected)).toBe(true);
    expect(isValidIdentityHash(secret, 'user-42', expected.toUpperCase())).toBe(true);
  });

  it('refuses the hash of another id, or made with another secret', () => {
    expect(isValidIdentityHash(secret, 'user-42', identityHash(secret, 'user-43'))).toBe(false);
    expect(
      isValidIdentityHash(secret, 'user-42', identityHash('another-secret-value', 'user-42')),
    ).toBe(false);
  });

  it('refuses anything when the inbox has no secret', () => {
    expect(isValidIdentityHash(null, 'user-42', identityHash(secret, 'user-42'))).toBe(false);
  });

  it('refuses a truncated or non-hex hash without throwing', () => {
    const hash = identityHash(secret, 'user-42');

    expect(isValidIdentityHash(secret, 'user-42', hash.slice(0, 62))).toBe(false);
    expect(isValidIdentityHash(secret, 'user-42', 'z'.repeat(64))).toBe(false);
    expect(isValidIdentityHash(secret, 'user-42', '')).toBe(false);
  });
});
