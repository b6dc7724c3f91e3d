import type { Logger } from '@hub/observability';
import type { ConsumerConfig, ConsumerInfo, JetStreamManager } from '@nats-io/jetstream';
import { AckPolicy, DeliverPolicy, JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { differingKeys } from './config-diff';

/** What a hub durable pull consumer is made of. */
export interface DurableSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  maxDeliver: number;
  ackWaitMs: number;
}

/**
 * Creates the durable pull consumer, or updates it when its settings differ. Every replica of
 * a service calls this at start; they then share the durable as competing consumers.
 */
export async function ensureDurable(
  jsm: JetStreamManager,
  spec: DurableSpec,
  logger: Logger,
): Promise<ConsumerInfo> {
  const wanted: Partial<ConsumerConfig> = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    // A new durable starts at the beginning of the stream: nothing published before the
    // service's first start is skipped.
    deliver_policy: DeliverPolicy.All,
    filter_subject: spec.filterSubject,
    max_deliver: spec.maxDeliver,
    ack_wait: nanos(spec.ackWaitMs),
  };
  const current = await consumerInfo(jsm, spec.stream, spec.durable);
  if (!current) {
    try {
      const created = await jsm.consumers.add(spec.stream, wanted);
      logger.info({ stream: spec.stream, durable: spec.durable }, 'durable consumer created');
      return created;
    } catch (err) {
      // Another replica created it first: compare with what it made.
      const raced = await consumerInfo(jsm, spec.stream, spec.durable);
      if (!raced) throw err;
      return updateIfDifferent(jsm, raced, wanted, logger);
    }
  }
  return updateIfDifferent(jsm, current, wanted, logger);
}

async function updateIfDifferent(
  jsm: JetStreamManager,
  current: ConsumerInfo,
  wanted: Partial<ConsumerConfig>,
  logger: Logger,
): Promise<ConsumerInfo> {
  const changed = differingKeys(current.config, wanted);
  if (changed.length === 0) return current;
  // deliver_policy cannot change in place: the server's error then says so, which beats
  // silently running with the old settings.
  const { durable_name: _name, ...update } = wanted;
  const updated = await jsm.consumers.update(current.stream_name, current.name, update);
  logger.info(
    { stream: current.stream_name, durable: current.name, changed },
    'durable consumer updated',
  );
  return updated;
}

async function consumerInfo(
  jsm: JetStreamManager,
  stream: string,
  durable: string,
): Promise<ConsumerInfo | undefined> {
  try {
    return await jsm.consumers.info(stream, durable);
  } catch (err) {
    if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.ConsumerNotFound) {
      return undefined;
    }
    throw err;
  }
}
