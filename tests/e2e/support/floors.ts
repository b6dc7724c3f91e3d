import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { defineEvent } from '@hub/contracts';
import { JetStreamPublisher, namespacedSubject } from '@hub/messaging';
import { Client } from 'pg';
import { elapsedMs, summarize, type LatencySummary } from './stats';

/**
 * The floors every hub figure is compared with, measured in the same run on the same machine:
 * what one durable PostgreSQL commit, one JetStream publish ack and one NATS request round
 * trip cost with nothing of ours in between.
 */
export interface Floors {
  postgresInsertCommit: LatencySummary;
  jetstreamPublishAck: LatencySummary;
  natsRequestRoundTrip: LatencySummary;
}

export async function measureFloors(options: {
  databaseUrl: string;
  nc: NatsConnection;
  namespace: string;
  samples?: number;
}): Promise<Floors> {
  const samples = options.samples ?? 2_000;
  return {
    postgresInsertCommit: await postgresInsertCommit(options.databaseUrl, samples),
    jetstreamPublishAck: await jetstreamPublishAck(options.nc, options.namespace, samples),
    natsRequestRoundTrip: await natsRequestRoundTrip(options.nc, options.namespace, samples),
  };
}

export async function postgresInsertCommit(
  databaseUrl: string,
  samples: number,
): Promise<LatencySummary> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('create temporary table bench_floor (id uuid primary key, body text not null)');
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const start = process.hrtime.bigint();
      // Autocommit: one single-row insert, one WAL flush, like a message store.
      await db.query('insert into bench_floor (id, body) values ($1, $2)', [randomUUID(), 'hello']);
      times.push(elapsedMs(start));
    }
    return summarize(times);
  } finally {
    await db.end();
  }
}

class FloorSample {
  i!: number;
}

// OUTBOUND has no consumer of ours in this run, so nothing but the stream touches it.
const floorSample = defineEvent('outbound.bench-floor', FloorSample, 'OUTBOUND');

async function jetstreamPublishAck(
  nc: NatsConnection,
  namespace: string,
  samples: number,
): Promise<LatencySummary> {
  const publisher = new JetStreamPublisher(nc, namespace);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await publisher.publish(floorSample, { i }, { msgId: `floor-${randomUUID()}` });
    times.push(elapsedMs(start));
  }
  return summarize(times);
}

async function natsRequestRoundTrip(
  nc: NatsConnection,
  namespace: string,
  samples: number,
): Promise<LatencySummary> {
  const subject = namespacedSubject(namespace, `bench.floor.${randomUUID()}`);
  const responder = nc.subscribe(subject, {
    callback: (_err, msg) => {
      msg.respond(msg.data);
    },
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const start = process.hrtime.bigint();
      await nc.request(subject, 'ping', { timeout: 2_000 });
      times.push(elapsedMs(start));
    }
  } finally {
    responder.unsubscribe();
  }
  return summarize(times);
}
