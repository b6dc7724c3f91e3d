import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationShutdown } from '@nestjs/common';
import type { ServiceEnv } from '@hub/config';
import {
  connectNats,
  DurableConsumer,
  ensureStreams,
  isNatsConnected,
  streamsUsedBy,
  UnprocessableMessageError,
  type MessageHandler,
  JetStreamPublisher,
  type DurableConsumerOptions,
  type NatsConnection,
} from '@hub/messaging';
import { createLogger } from '@hub/observability';
import { Counter, type Registry } from 'prom-client';
import { Database } from '../database/database';
import { busIdentity } from './bus-identity';
import { DomainException, type ErrorKind } from '../errors/domain.exception';
import { METRICS_REGISTRY } from '../health/metrics-server';
import { SERVICE_ENV, SERVICE_NAME } from '../tokens';

export type ConsumerSpec<T extends object> = Omit<
  DurableConsumerOptions<T>,
  'nc' | 'namespace' | 'logger' | 'onDeadLettered'
>;

/**
 * The service's JetStream side: one NATS connection, the streams ensured at start, a publisher,
 * and the durable consumers the service registered. Consumers start only once both NATS and
 * PostgreSQL are reachable, and stop first on shutdown so in-flight messages are finished and
 * acked before the connections close.
 */
@Injectable()
export class Messaging implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(Messaging.name);
  private readonly pinoLogger;
  private readonly consumers: DurableConsumer<object>[] = [];
  private nc?: NatsConnection;
  private connection?: Promise<NatsConnection>;
  private publisherInstance?: JetStreamPublisher;
  // The alert on messages given up: any increase means a sender was told "failed".
  private readonly deadLetters: Counter<'stream' | 'reason'>;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly database: Database,
  ) {
    this.pinoLogger = createLogger({ service, level: env.LOG_LEVEL });
    this.deadLetters = new Counter({
      name: 'hub_dead_letters_total',
      help: 'Messages a consumer gave up and posted to the DEAD_LETTERS stream',
      labelNames: ['stream', 'reason'],
      registers: [registry],
    });
  }

  /** Resolves once connected and the streams exist. */
  connected(): Promise<NatsConnection> {
    this.connection ??= connectNats({
      url: this.env.NATS_URL,
      name: `${this.service}-jetstream`,
      logger: this.pinoLogger,
      identity: busIdentity(this.env, this.service).options,
    }).then(async (nc) => {
      this.nc = nc;
      await ensureStreams(nc, {
        namespace: this.env.HUB_NAMESPACE,
        replicas: this.env.NATS_STREAM_REPLICAS,
        streams: streamsUsedBy(this.service),
      });
      this.publisherInstance = new JetStreamPublisher(nc, this.env.HUB_NAMESPACE);
      this.logger.log('NATS connected, streams ensured');
      return nc;
    });
    return this.connection;
  }

  get publisher(): JetStreamPublisher {
    if (!this.publisherInstance) throw new Error('NATS is not connected yet');
    return this.publisherInstance;
  }

  isReady(): boolean {
    return this.nc !== undefined && isNatsConnected(this.nc) && this.consumersHealthy();
  }

  /** Registers a durable consumer; it starts once NATS and PostgreSQL are both up. */
  consume<T extends object>(spec: ConsumerSpec<T>): void {
    void Promise.all([this.connected(), this.database.connected()])
      .then(async ([nc]) => {
        const consumer = new DurableConsumer<T>({
          ...spec,
          handle: refuseDomainErrors(spec.handle),
          onDeadLettered: (letter) =>
            this.deadLetters.inc({ stream: letter.stream, reason: letter.reason }),
          nc,
          namespace: this.env.HUB_NAMESPACE,
          logger: this.pinoLogger,
        });
        this.consumers.push(consumer as unknown as DurableConsumer<object>);
        await consumer.start();
      })
      .catch((error: unknown) =>
        this.logger.error({ err: error }, `consumer ${spec.durable} did not start`),
      );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.nc?.drain();
  }

  private consumersHealthy(): boolean {
    return this.consumers.every((consumer) => consumer.isRunning);
  }
}

/**
 * A domain refusal (unknown inbox, invalid reference, forbidden) will not change on retry:
 * the message is terminated. Anything else (unavailable, unexpected) is retried.
 */
function refuseDomainErrors<T>(handle: MessageHandler<T>): MessageHandler<T> {
  return async (payload, meta) => {
    try {
      await handle(payload, meta);
    } catch (error) {
      if (error instanceof DomainException && PERMANENT_KINDS.has(error.kind)) {
        throw new UnprocessableMessageError(`${error.code}: ${error.message}`, {
          cause: error,
          code: error.code,
        });
      }
      throw error;
    }
  };
}

const PERMANENT_KINDS = new Set<ErrorKind>(['invalid', 'not_found', 'forbidden']);
