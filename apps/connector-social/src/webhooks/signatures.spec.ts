import { createHmac } from 'node:crypto';
import { lineSignatureValid, metaSignatureValid, sameSecret } from './signatures';

describe('webhook signatures', () => {
  const body = Buffer.from('{"object":"page","entry":[]}');

  it('accepts Meta’s sha256= hex HMAC of the raw body and nothing else', () => {
    const hex = createHmac('sha256', 'app-secret').update(body).digest('hex');
    expect(metaSignatureValid(body, `sha256=${hex}`, 'app-secret')).toBe(true);
    expect(metaSignatureValid(body, `sha256=${hex.toUpperCase()}`, 'app-secret')).toBe(true);
    expect(metaSignatureValid(body, `sha256=${hex}`, 'other-secret')).toBe(false);
    expect(metaSignatureValid(Buffer.from(' {}'), `sha256=${hex}`, 'app-secret')).toBe(false);
    expect(metaSignatureValid(body, hex, 'app-secret')).toBe(false);
  });

  it('accepts LINE’s base64 HMAC of the raw body', () => {
    const b64 = createHmac('sha256', 'channel').update(body).digest('base64');
    expect(lineSignatureValid(body, b64, 'channel')).toBe(true);
    expect(lineSignatureValid(body, b64, 'other')).toBe(false);
  });

  it('compares secrets of different lengths as unequal', () => {
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('abcd', 'abcd')).toBe(true);
  });
});
