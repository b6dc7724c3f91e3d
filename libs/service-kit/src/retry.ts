import type { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** What is being attempted, for the log: "PostgreSQL connection". */
  what: string;
  logger: Logger;
  signal: AbortSignal;
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Calls `attempt` until it succeeds or `signal` aborts, waiting with capped exponential backoff
 * and jitter between failures, and saying clearly what failed each time.
 */
export async function retryUntilSuccess<T>(
  attempt: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const { what, logger, signal, minDelayMs = 250, maxDelayMs = 10_000 } = options;
  for (let failures = 0; ; failures++) {
    signal.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      const delay = Math.min(maxDelayMs, minDelayMs * 2 ** failures) * (0.5 + Math.random() / 2);
      logger.warn(
        { err: error, attempt: failures + 1, retryInMs: Math.round(delay) },
        `${what} failed: ${(error as Error).message}; retrying`,
      );
      await sleep(delay, undefined, { signal });
    }
  }
}
