/** How one delivery is retried (GatewayEnv's WEBHOOK_* variables). */
export interface RetryPolicy {
  firstRetryMs: number;
  maxDelayMs: number;
  retryForMs: number;
}

/**
 * When a delivery that has failed `attempts` times is tried next, or undefined when it is to be
 * given up: the waits grow fourfold (5 s, 20 s, 80 s… up to the maximum, 10 h by default), and
 * no attempt is made later than `retryForMs` (3 days) after the first.
 */
export function nextAttemptAt(
  policy: RetryPolicy,
  delivery: { attempts: number; firstAttemptAt: Date; now: Date },
): Date | undefined {
  const exponent = Math.min(delivery.attempts - 1, 30);
  const delay = Math.min(policy.firstRetryMs * 4 ** exponent, policy.maxDelayMs);
  const next = delivery.now.getTime() + delay;
  if (next > delivery.firstAttemptAt.getTime() + policy.retryForMs) return undefined;
  return new Date(next);
}
