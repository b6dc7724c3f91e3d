import type { JsMsg } from '@nats-io/jetstream';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  logicalSubject,
  namespacedDurable,
  namespacedStream,
  namespacedSubject,
} from './namespace';

/** One stored message of a replay, in stream order. */
export interface ReplayedMessage {
  /** The logical subject (namespace removed). */
  subject: string;
  seq: number;
  /** Messages left after this one for the replay's durable. */
  pending: number;
  data: Uint8Array;
}

/** Options of {@link replayStream}. Names are logical: the namespace is added here. */
export interface StreamReplayOptions {
  nc: NatsConnection;
  namespace: string;
  stream: string;
  /** The durable the replay reads through; the service must be allowed it (`replays`). */
  durable: string;
  filterSubject: string;
  /** Replays from this sequence on (default 1: the whole stream). */
  fromSeq?: number;
  /** Messages handed to `onBatch` at a time (default 1000). */
  batchSize?: number;
  onBatch: (messages: ReplayedMessage[]) => Promise<void>;
}

/**
 * Reads a stream in order, from `fromSeq` up to its last message as of the call, one batch
 * after another. The durable is created fresh (without acks: nothing is redelivered) and
 * deleted afterwards, so each replay starts where it is told to. Resolves with the last
 * sequence read (`fromSeq - 1` when there was nothing), where a follow-up replay continues.
 */
export async function replayStream(options: StreamReplayOptions): Promise<number> {
  const { nc, namespace, onBatch } = options;
  const stream = namespacedStream(namespace, options.stream);
  const durable = namespacedDurable(namespace, options.durable);
  const fromSeq = options.fromSeq ?? 1;
  const jsm = await jetstreamManager(nc);
  const lastSeq = (await jsm.streams.info(stream)).state.last_seq;
  if (lastSeq < fromSeq) return fromSeq - 1;
  await deleteDurable(jsm, stream, durable);
  await jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: fromSeq,
    filter_subject: namespacedSubject(namespace, options.filterSubject),
  });
  try {
    const consumer = await jetstream(nc).consumers.get(stream, durable);
    let readUpTo = fromSeq - 1;
    let pending = (await consumer.info(true)).num_pending;
    while (readUpTo < lastSeq && pending > 0) {
      // A pull for more than is pending would wait out its expiry before answering.
      const messages = await consumer.fetch({
        max_messages: Math.min(options.batchSize ?? 1000, pending),
        expires: 5_000,
      });
      const batch: ReplayedMessage[] = [];
      for await (const msg of messages) batch.push(replayed(namespace, msg));
      if (batch.length === 0) break;
      const inRange = batch.filter((message) => message.seq <= lastSeq);
      if (inRange.length > 0) await onBatch(inRange);
      readUpTo = batch[batch.length - 1].seq;
      pending = batch[batch.length - 1].pending;
    }
    return lastSeq;
  } finally {
    await deleteDurable(jsm, stream, durable);
  }
}

function replayed(namespace: string, msg: JsMsg): ReplayedMessage {
  return {
    subject: logicalSubject(namespace, msg.subject),
    seq: msg.info.streamSequence,
    pending: msg.info.pending,
    data: msg.data,
  };
}

async function deleteDurable(
  jsm: Awaited<ReturnType<typeof jetstreamManager>>,
  stream: string,
  durable: string,
): Promise<void> {
  try {
    await jsm.consumers.delete(stream, durable);
  } catch (err) {
    if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.ConsumerNotFound) return;
    throw err;
  }
}

/**
 * When the oldest message still in a stream was stored; undefined for an empty stream. What
 * came before is gone (limits retention): a replay cannot say anything about it.
 */
export async function streamStartsAt(
  nc: NatsConnection,
  namespace: string,
  stream: string,
): Promise<Date | undefined> {
  const jsm = await jetstreamManager(nc);
  const { state } = await jsm.streams.info(namespacedStream(namespace, stream));
  return state.messages === 0 ? undefined : new Date(state.first_ts);
}
