import { CORRELATION_HEADER, currentCorrelationId } from '@hub/observability';
import type { JetStreamClient } from '@nats-io/jetstream';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { headers } from '@nats-io/transport-node';
import type { EventContract, PayloadOf } from '@hub/contracts';
import { namespacedSubject } from './namespace';

/** What the stream answered: where the message is stored, and whether it was already there. */
export interface PublishResult {
  seq: number;
  /** True when the stream already held a message with this `Nats-Msg-Id` (inside its window). */
  duplicate: boolean;
}

/** One message for {@link JetStreamPublisher.publishMany}. */
export interface PublishItem<E extends EventContract> {
  event: E;
  payload: PayloadOf<E>;
  msgId: string;
}

/** Options of {@link JetStreamPublisher}. */
export interface JetStreamPublisherOptions {
  /** How long to wait for the stream's ack (default 5 s). */
  timeoutMs?: number;
}

/**
 * Publishes JSON facts to JetStream and waits for the stream's ack, which is the durable write
 * after which a door may answer "accepted".
 */
export class JetStreamPublisher {
  private readonly js: JetStreamClient;
  private readonly timeoutMs: number;

  constructor(
    nc: NatsConnection,
    private readonly namespace: string,
    options: JetStreamPublisherOptions = {},
  ) {
    this.js = jetstream(nc);
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /**
   * Publishes `payload` as JSON on the event's subject for it (namespaced) with
   * `Nats-Msg-Id` = `msgId` and the current correlation id. Rejects when no stream stores the
   * subject or no ack came.
   */
  async publish<E extends EventContract>(
    event: E,
    payload: PayloadOf<E>,
    options: { msgId: string },
  ): Promise<PublishResult> {
    const logicalSubject = event.subjectOf(payload);
    if (!options.msgId) throw new Error(`publish to ${logicalSubject}: msgId is required`);
    const hdrs = headers();
    const correlationId = currentCorrelationId();
    if (correlationId) hdrs.set(CORRELATION_HEADER, correlationId);
    const ack = await this.js.publish(
      namespacedSubject(this.namespace, logicalSubject),
      JSON.stringify(payload),
      { msgID: options.msgId, headers: hdrs, timeout: this.timeoutMs },
    );
    return { seq: ack.seq, duplicate: ack.duplicate };
  }

  /**
   * Publishes many messages of one event with at most `maxInFlight` acks outstanding (hot paths:
   * a batch of webhooks). Resolves with the results in input order; rejects on the first
   * failure, after the publishes already started have settled.
   */
  async publishMany<E extends EventContract>(
    items: readonly PublishItem<E>[],
    options: { maxInFlight?: number } = {},
  ): Promise<PublishResult[]> {
    const window = Math.max(1, options.maxInFlight ?? 256);
    const results = new Array<PublishResult>(items.length);
    let next = 0;
    let failure: Error | undefined;
    const worker = async (): Promise<void> => {
      while (next < items.length && failure === undefined) {
        const index = next++;
        const item = items[index];
        try {
          results[index] = await this.publish(item.event, item.payload, { msgId: item.msgId });
        } catch (err) {
          failure ??= err instanceof Error ? err : new Error(String(err));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(window, items.length) }, worker));
    if (failure !== undefined) throw failure;
    return results;
  }
}
