import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Header that carries the correlation id on HTTP requests and NATS messages alike. */
export const CORRELATION_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<string>();

/** Runs `fn` with `correlationId` (or a new one) visible to every log line and outgoing message. */
export function withCorrelationId<T>(correlationId: string | undefined, fn: () => T): T {
  return storage.run(correlationId || randomUUID(), fn);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}
