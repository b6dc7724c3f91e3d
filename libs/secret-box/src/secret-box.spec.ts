import { SecretBox } from './secret-box';

const KEY = 'a'.repeat(32);

describe('SecretBox', () => {
  it('opens what it sealed, CJK included, and seals the same text differently each time', () => {
    const box = new SecretBox(KEY);
    const first = box.seal('トークン-令牌');
    expect(box.seal('トークン-令牌')).not.toBe(first);
    expect(first).not.toContain('トークン');
    expect(box.open(first)).toBe('トークン-令牌');
  });

  it('refuses a value sealed with another key', () => {
    const sealed = new SecretBox('b'.repeat(32)).seal('secret');
    expect(() => new SecretBox(KEY).open(sealed)).toThrow();
  });

  it('refuses an altered value', () => {
    const box = new SecretBox(KEY);
    const [version, iv, tag, body] = box.seal('secret').split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = flipped[0] ^ 1;
    expect(() => box.open([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => box.open('plain text')).toThrow('not a sealed secret');
  });

  it('refuses a short key', () => {
    expect(() => new SecretBox('short')).toThrow('at least 32 characters');
  });
});
