import { JetStreamApiCodes, JetStreamApiError, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { HUB_STREAM_NAMES } from '@hub/contracts';
import { namespacedStream } from '@hub/messaging';

/**
 * Deletes the streams of `namespace` that exist. Each service creates only the streams it uses,
 * so which of them exist depends on the services a test started.
 */
export async function dropNamespaceStreams(nc: NatsConnection, namespace: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (const stream of HUB_STREAM_NAMES) {
    try {
      await jsm.streams.delete(namespacedStream(namespace, stream));
    } catch (error) {
      const missing =
        error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;
      if (!missing) throw error;
    }
  }
}
