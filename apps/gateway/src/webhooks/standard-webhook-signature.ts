import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks' secret prefix: the rest is the key, base64. */
const SECRET_PREFIX = 'whsec_';

/** A new subscription secret, `whsec_` + 32 random bytes in base64 (shown to the admin once). */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/**
 * The HMAC key of a secret: a `whsec_` secret's base64 bytes (Standard Webhooks); any other
 * secret (an API inbox's signing secret) as its UTF-8 bytes.
 */
export function webhookKey(secret: string): Buffer {
  return secret.startsWith(SECRET_PREFIX)
    ? Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64')
    : Buffer.from(secret, 'utf8');
}

export interface SignedContent {
  id: string;
  /** Unix seconds. */
  timestamp: number;
  body: string;
}

/** `webhook-signature`: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. */
export function signWebhook(secret: string, content: SignedContent): string {
  const mac = createHmac('sha256', webhookKey(secret))
    .update(`${content.id}.${content.timestamp}.${content.body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/**
 * The three headers of one signed delivery: one signature per secret, space-separated as
 * Standard Webhooks allows (a rotation's new and previous secret).
 */
export function webhookHeaders(
  secrets: readonly string[],
  content: SignedContent,
): Record<string, string> {
  return {
    'webhook-id': content.id,
    'webhook-timestamp': String(content.timestamp),
    'webhook-signature': secrets.map((secret) => signWebhook(secret, content)).join(' '),
  };
}

/**
 * What an integrator does on receipt (and what the tests do as one): true when one of the
 * space-separated `v1,` signatures matches, compared in constant time.
 */
export function verifyWebhook(secret: string, content: SignedContent, header: string): boolean {
  const expected = Buffer.from(signWebhook(secret, content));
  return header.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
