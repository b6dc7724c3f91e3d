import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: what the widget keeps and presents in `hello`. */
export function mintVisitorToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up: the hex SHA-256 of the token, never the token itself. */
export function hashVisitorToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
