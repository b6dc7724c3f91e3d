import { hashVisitorToken, mintVisitorToken } from './visitor-token';

describe('visitor tokens', () => {
  it('are 256 random bits in base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => mintVisitorToken()));

    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('are stored as a hex SHA-256 that does not contain the token', () => {
    const token = mintVisitorToken();

    const hash = hashVisitorToken(token);

    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashVisitorToken(token)).toBe(hash);
    expect(hash).not.toContain(token);
  });
});
