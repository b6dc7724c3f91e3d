import { fileSignature, verifyFileSignature } from './file-signature';

const secret = 'a-signing-secret-of-at-least-32-characters';
const fileId = '6f1c3f7e-3f8a-4a52-9d1e-0b2f6b8f4a11';
const now = 1_800_000_000;

describe('file link signatures', () => {
  const signature = fileSignature({ secret, fileId, expires: now + 900 });

  it('accepts the signature of this file and expiry until the expiry passes', () => {
    expect(
      verifyFileSignature({ secret, fileId, expires: now + 900, signature, nowSeconds: now }),
    ).toBe(true);
    expect(
      verifyFileSignature({ secret, fileId, expires: now + 900, signature, nowSeconds: now + 900 }),
    ).toBe(true);
    expect(
      verifyFileSignature({ secret, fileId, expires: now + 900, signature, nowSeconds: now + 901 }),
    ).toBe(false);
  });

  it('refuses the signature for another file, another expiry or under another secret', () => {
    const otherFile = '0b2f6b8f-3f8a-4a52-9d1e-6f1c3f7e4a11';
    expect(
      verifyFileSignature({
        secret,
        fileId: otherFile,
        expires: now + 900,
        signature,
        nowSeconds: now,
      }),
    ).toBe(false);
    expect(
      verifyFileSignature({ secret, fileId, expires: now + 9000, signature, nowSeconds: now }),
    ).toBe(false);
    expect(
      verifyFileSignature({
        secret: `${secret}!`,
        fileId,
        expires: now + 900,
        signature,
        nowSeconds: now,
      }),
    ).toBe(false);
  });

  it('refuses a malformed signature or expiry without throwing', () => {
    for (const bad of [
      '',
      'zz',
      signature.slice(0, 63),
      `${signature}00`,
      signature.toUpperCase(),
    ]) {
      expect(
        verifyFileSignature({
          secret,
          fileId,
          expires: now + 900,
          signature: bad,
          nowSeconds: now,
        }),
      ).toBe(false);
    }
    expect(
      verifyFileSignature({ secret, fileId, expires: Number.NaN, signature, nowSeconds: now }),
    ).toBe(false);
  });
});
