import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Header that carries the correlation id on HTTP requests and NATS messages alike. */
export const CORRELATION_HEADER = 'x-correlation-id';

// What a caller may hand us: short, printable, no spaces or line breaks. The id is echoed to
// clients and written to every log line, so anything else (2 KB, a forged log line) is replaced.
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,64}$/;

const storage = new AsyncLocalStorage<string>();

/** `candidate` when it is a safe correlation id, else undefined (the caller mints a fresh one). */
function acceptCorrelationId(candidate: string | undefined): string | undefined {
  return candidate !== undefined && SAFE_CORRELATION_ID.test(candidate) ? candidate : undefined;
}

/**
 * Runs `fn` with `correlationId` (or a new one, when it is missing or unsafe) visible to every
 * log line and outgoing message.
 */
export function withCorrelationId<T>(correlationId: string | undefined, fn: () => T): T {
  return storage.run(acceptCorrelationId(correlationId) ?? randomUUID(), fn);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}
