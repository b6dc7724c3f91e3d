import { JetStreamApiCodes, JetStreamApiError, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connect } from '@nats-io/transport-node';
import { HUB_STREAM_NAMES } from '@hub/contracts';
import { testRunId, testServices } from '@hub/testing';
import { namespacedStream } from '../../src';

/** A namespace unique to this run and suite, so suites running in parallel never meet. */
export function suiteNamespace(suite: string): string {
  return `${testRunId()}_${suite}`;
}

export async function connectTestNats(url = testServices.natsUrl): Promise<NatsConnection> {
  return connect({ servers: url, name: `messaging-test-${testRunId()}` });
}

/** Deletes every hub stream of `namespace` (their durables go with them). */
export async function deleteHubStreams(nc: NatsConnection, namespace: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (const stream of HUB_STREAM_NAMES) {
    try {
      await jsm.streams.delete(namespacedStream(namespace, stream));
    } catch (err) {
      // A suite that failed before creating every stream: nothing to clean.
      const notFound =
        err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound;
      if (!notFound) throw err;
    }
  }
}

/** Resolves once `check` is true; rejects with `what` after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
