// Every subject, stream and durable name carries a namespace, so test runs (and side-by-side
// environments) can share one NATS server without ever seeing each other's messages.

/** The namespace used when `HUB_NAMESPACE` is not set. */
export const DEFAULT_NAMESPACE = 'hub';

// Same rule as `ServiceEnv.HUB_NAMESPACE`: safe inside subjects, stream and durable names.
const NAMESPACE_PATTERN = /^[a-z][a-z0-9_]{0,30}$/;
// One subject token or durable part: no dots, wildcards or whitespace.
const NAME_PART_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Reads and checks `HUB_NAMESPACE` (default `hub`). Throws naming the variable when invalid. */
export function namespaceFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.HUB_NAMESPACE?.trim() || DEFAULT_NAMESPACE;
  return assertNamespace(value);
}

/** Returns `namespace` when valid (lowercase letter, then letters, digits or `_`, at most 31). */
export function assertNamespace(namespace: string): string {
  if (!NAMESPACE_PATTERN.test(namespace)) {
    throw new Error(
      `HUB_NAMESPACE "${namespace}" is invalid: lowercase letters, digits or _ (at most 31), starting with a letter`,
    );
  }
  return namespace;
}

/** `inbound.web` → `hub.inbound.web`. Wildcards (`inbound.>`) are allowed. */
export function namespacedSubject(namespace: string, logicalSubject: string): string {
  if (!logicalSubject || logicalSubject.startsWith('.') || logicalSubject.endsWith('.')) {
    throw new Error(`Invalid subject "${logicalSubject}"`);
  }
  return `${assertNamespace(namespace)}.${logicalSubject}`;
}

/** `hub.inbound.web` → `inbound.web`; a subject outside the namespace is returned unchanged. */
export function logicalSubject(namespace: string, subject: string): string {
  const prefix = `${namespace}.`;
  return subject.startsWith(prefix) ? subject.slice(prefix.length) : subject;
}

/** `INBOUND` → `HUB_INBOUND`. */
export function namespacedStream(namespace: string, stream: string): string {
  assertPart('stream', stream);
  return `${assertNamespace(namespace).toUpperCase()}_${stream.toUpperCase()}`;
}

/**
 * (`conversation`, `inbound`) → `hub_conversation_inbound`; one already joined part
 * (`conversation_inbound`) gives the same.
 */
export function namespacedDurable(namespace: string, ...parts: [string, ...string[]]): string {
  for (const part of parts) assertPart('durable', part);
  return [assertNamespace(namespace), ...parts].join('_');
}

function assertPart(what: string, value: string): void {
  if (!NAME_PART_PATTERN.test(value)) {
    throw new Error(`Invalid ${what} name "${value}": letters, digits, _ or - only`);
  }
}
