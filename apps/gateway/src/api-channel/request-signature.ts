import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainException } from '@hub/service-kit';
import { signingSecretsAt, type PreviousSigningSecret } from './api-inbox-config';

export const TIMESTAMP_HEADER = 'x-hub-timestamp';
export const SIGNATURE_HEADER = 'x-hub-signature';

/** How far a request's timestamp may be from now: older ones are replays. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

/** `v1=<hex HMAC-SHA256 of "timestamp.body">` under the inbox's signing secret. */
export function signApiRequest(secret: string, timestamp: number, body: Buffer | string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `v1=${mac}`;
}

const invalid = (message: string) => new DomainException('API_SIGNATURE_INVALID', message);

/**
 * Checks an integrator's request: a timestamp (Unix seconds) within five minutes of now, and a
 * signature of exactly that timestamp and body, compared in constant time. After a rotation the
 * previous secret signs too while both now and the signed timestamp are before its overlap's end
 * (a back-dated timestamp cannot stretch the overlap). API_SIGNATURE_INVALID (401) otherwise,
 * saying which part was wrong but nothing of the expected value.
 */
export function verifyApiRequest(request: {
  secret: string;
  previous?: PreviousSigningSecret | null;
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
  nowSeconds: number;
}): void {
  if (!request.timestamp || !request.signature) {
    throw invalid(`${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} are required`);
  }
  const timestamp = /^\d{1,12}$/.test(request.timestamp) ? Number(request.timestamp) : NaN;
  if (!(Math.abs(request.nowSeconds - timestamp) <= MAX_REQUEST_AGE_SECONDS)) {
    throw invalid(`${TIMESTAMP_HEADER} is not within five minutes of now`);
  }
  const given = Buffer.from(request.signature);
  const secrets = signingSecretsAt(
    { signingSecret: request.secret, previous: request.previous ?? null },
    Math.max(request.nowSeconds, timestamp),
  );
  // Every valid secret is compared, so the time taken says nothing of which one matched.
  const matches = secrets.map((secret) => {
    const expected = Buffer.from(signApiRequest(secret, timestamp, request.body));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches.includes(true)) throw invalid('The signature does not match the body');
}
