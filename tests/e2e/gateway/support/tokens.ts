import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';

/** The secret the test hub's gateway signs with, so tests can forge and age tokens. */
export const TEST_JWT_SECRET = randomBytes(32).toString('hex');

const jwt = new JwtService();

export interface Claims {
  sub: string;
  ws: string;
  role: string;
  /** The session id; a token without one is refused. */
  sid?: string;
}

/** A token as the gateway would sign it, with the lifetime and keys the test chooses. */
export function signToken(
  claims: Claims,
  options: { secret?: string; expiresInSeconds?: number; audience?: string; issuer?: string } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { ...claims, iat: now, exp: now + (options.expiresInSeconds ?? 600) },
    {
      secret: options.secret ?? TEST_JWT_SECRET,
      algorithm: 'HS256',
      audience: options.audience ?? 'hub-agent',
      issuer: options.issuer ?? 'hub-gateway',
    },
  );
}

/** An unsigned token (`alg: none`) with the given claims: what a forger tries first. */
export function unsignedToken(claims: Claims): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claims, iat: now, exp: now + 600, aud: 'hub-agent', iss: 'hub-gateway' })}.`;
}

export function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<
    string,
    unknown
  >;
}
