import type { Logger } from '@hub/observability';
import type { StreamConfig, StreamInfo } from '@nats-io/jetstream';
import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { nanos } from '@nats-io/transport-node';
import { HUB_STREAM_NAMES, STREAM_SUBJECTS, type HubStream } from '@hub/contracts';
import { differingKeys } from './config-diff';
import { namespacedStream, namespacedSubject } from './namespace';

/** Options of {@link ensureStreams}. */
export interface EnsureStreamsOptions {
  namespace: string;
  /** 1 locally, 3 in production (needs a 3-node JetStream cluster). */
  replicas: number;
  /** How long messages are kept (limits retention). Default 7 days. */
  maxAgeMs?: number;
  /** Size cap per stream, oldest dropped first. Default unlimited. */
  maxBytes?: number;
  /** `Nats-Msg-Id` de-duplication window. Default 10 minutes. */
  duplicateWindowMs?: number;
  logger?: Logger;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The configuration {@link ensureStreams} applies to one stream. */
export function hubStreamConfig(
  stream: HubStream,
  options: EnsureStreamsOptions,
): Partial<StreamConfig> & Pick<StreamConfig, 'name'> {
  return {
    name: namespacedStream(options.namespace, stream),
    subjects: [namespacedSubject(options.namespace, STREAM_SUBJECTS[stream])],
    // Limits, not work-queue: several services consume EVENTS independently, and a kept
    // history lets a new consumer (or a replay after a bug) start from the beginning.
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(options.maxAgeMs ?? 7 * DAY_MS),
    max_bytes: options.maxBytes ?? -1,
    // Catches a publisher's own quick retries (a publish ack lost to a timeout). Platforms
    // retry webhooks for days, far beyond any window, so PostgreSQL unique keys on channel
    // message ids and event ids are the real guarantee; this only saves work.
    duplicate_window: nanos(options.duplicateWindowMs ?? 10 * 60 * 1000),
    num_replicas: options.replicas,
  };
}

/**
 * Creates the INBOUND, EVENTS and OUTBOUND streams of `namespace`, or updates them when their
 * configuration differs. Safe to call at every start, from every replica.
 * A change the server cannot apply in place (storage, retention) rejects with its error.
 * `streams` narrows it (default all): a service ensures those it uses (`streamsUsedBy`).
 */
export async function ensureStreams<S extends HubStream = HubStream>(
  nc: NatsConnection,
  options: EnsureStreamsOptions & { streams?: readonly S[] },
): Promise<Record<S, StreamInfo>> {
  const streams = options.streams ?? (HUB_STREAM_NAMES as S[]);
  const result = {} as Record<S, StreamInfo>;
  // A service that uses no stream needs no JetStream API (and is not allowed it).
  if (streams.length === 0) return result;
  const jsm = await jetstreamManager(nc);
  for (const stream of streams) {
    result[stream] = await ensureStream(jsm, hubStreamConfig(stream, options), options.logger);
  }
  return result;
}

type Jsm = Awaited<ReturnType<typeof jetstreamManager>>;

async function ensureStream(
  jsm: Jsm,
  wanted: Partial<StreamConfig> & Pick<StreamConfig, 'name'>,
  logger: Logger | undefined,
): Promise<StreamInfo> {
  const current = await streamInfo(jsm, wanted.name);
  if (!current) {
    try {
      const created = await jsm.streams.add(wanted);
      logger?.info({ stream: wanted.name }, 'stream created');
      return created;
    } catch (err) {
      // Another replica created it between our lookup and our add: fall through to compare.
      const raced = await streamInfo(jsm, wanted.name);
      if (!raced) throw err;
      return updateIfDifferent(jsm, raced, wanted, logger);
    }
  }
  return updateIfDifferent(jsm, current, wanted, logger);
}

async function updateIfDifferent(
  jsm: Jsm,
  current: StreamInfo,
  wanted: Partial<StreamConfig> & Pick<StreamConfig, 'name'>,
  logger: Logger | undefined,
): Promise<StreamInfo> {
  const differences = differingKeys(current.config, wanted);
  if (differences.length === 0) return current;
  const { name, ...update } = wanted;
  const updated = await jsm.streams.update(name, { ...current.config, ...update });
  logger?.info({ stream: name, changed: differences }, 'stream configuration updated');
  return updated;
}

async function streamInfo(jsm: Jsm, name: string): Promise<StreamInfo | undefined> {
  try {
    return await jsm.streams.info(name);
  } catch (err) {
    if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound) {
      return undefined;
    }
    throw err;
  }
}
