import { createHmac, timingSafeEqual } from 'node:crypto';

/** Constant-time equality of two strings (false for different lengths, without comparing). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>` (Meta). */
export function metaSignatureValid(rawBody: Buffer, header: string, appSecret: string): boolean {
  const expected = `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
  return sameSecret(header.toLowerCase(), expected);
}

/** `X-Line-Signature: <base64 HMAC-SHA256 of the raw body with the channel secret>` (LINE). */
export function lineSignatureValid(
  rawBody: Buffer,
  header: string,
  channelSecret: string,
): boolean {
  const expected = createHmac('sha256', channelSecret).update(rawBody).digest('base64');
  return sameSecret(header, expected);
}
