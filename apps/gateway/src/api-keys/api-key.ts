import { createHash } from 'node:crypto';

/** The header integrators send their key in. */
export const API_KEY_HEADER = 'x-api-key';

/** What `gateway.api_keys.key_hash` holds: the key's SHA-256, hex. The key itself is never stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
