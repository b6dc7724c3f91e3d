import { timingSafeEqual } from 'node:crypto';
import type { SMTPServerAuthentication } from 'smtp-server';

/** Whether a relay's AUTH matches the configured login (compared in constant time). */
export function checkRelayLogin(
  auth: SMTPServerAuthentication,
  expected: { user: string; password: string },
): boolean {
  return (
    sameText(auth.username ?? '', expected.user) && sameText(auth.password ?? '', expected.password)
  );
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
