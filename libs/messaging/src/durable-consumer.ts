import type { Logger } from '@hub/observability';
import type { Consumer, ConsumerInfo, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  subjectMatches,
  type DeadLetterSender,
  type EventContract,
  type MessageDeadLettered,
} from '@hub/contracts';
import { AckBatch } from './ack-batch';
import { ConnectionWatch } from './connection-watch';
import { DeadLetterOffice } from './dead-letters';
import { ensureDurable } from './ensure-durable';
import { KeyOrder } from './key-order';
import { namespacedDurable, namespacedStream, namespacedSubject } from './namespace';
import type { MessageHandler } from './process-delivery';
import { defaultRetryDelayMs, processDelivery } from './process-delivery';
import { JetStreamPublisher } from './publisher';
import { readStreamKeys } from './stream-keys';

/** Options of {@link DurableConsumer}. Names are logical: the namespace is added here. */
export interface DurableConsumerOptions<T extends object> {
  nc: NatsConnection;
  namespace: string;
  /** What is consumed (from `SUBJECTS`): its stream, subject filter and payload class. */
  event: EventContract<string, T>;
  /**
   * A narrower subject inside the event's, when only part of a family is consumed: one
   * channel's dead letters, `dlq.inbound.web` of `dlq.>`.
   */
  filterSubject?: string;
  /** `<service>_<purpose>`, e.g. `conversation_inbound`; becomes `${namespace}_conversation_inbound`. */
  durable: string;
  handle: MessageHandler<T>;
  logger: Logger;
  /**
   * Who sent a message, read from its raw JSON body: carried by its dead letter so the
   * sender's channel can tell them it will never be stored.
   */
  deadLetterSender?: (body: unknown) => DeadLetterSender | undefined;
  /** Called once per stored dead letter (the service's alert metric). */
  onDeadLettered?: (letter: MessageDeadLettered) => void;
  /** Deliveries before a failing message is dead-lettered and terminated (default 10). */
  maxDeliver?: number;
  /** Time a handler has before the server redelivers its message (default 30 s). */
  ackWaitMs?: number;
  /** Messages handled concurrently (default 10; 1 means strictly one at a time). */
  batchSize?: number;
  /**
   * Messages with the same key (read from the raw JSON body) are handled one after another, in
   * stream order, while different keys run concurrently: e.g. one customer's messages. The
   * order holds across crashes, retries and replicas: a message waits while an earlier one of
   * its key is unacked elsewhere (see {@link KeyOrder}).
   */
  orderingKey?: (body: unknown) => string | undefined;
  /**
   * A message given back for a retry lets its key's later messages go first (default: they wait
   * for it). For a handler that waits by itself for earlier changes that may come later in the
   * stream, as versioned events published by several replicas can.
   */
  retryReleasesKey?: boolean;
  /** Delay before a failed message is redelivered (default 1 s doubling, max 60 s). */
  retryDelayMs?: (deliveryCount: number) => number;
  /**
   * How long one pull waits for messages (default 5 s, minimum 1 s). `stop()` lets the pull
   * in progress finish, so this bounds how long an idle consumer takes to stop.
   */
  pullExpiresMs?: number;
}

// How long a handled message's ack may wait for others to go out with it (see AckBatch): at
// 200 messages a second, a durable's acks go a few to a write instead of one.
const ACK_DELAY_MS = 10;

/**
 * A JetStream durable pull consumer that validates each message with its payload class and
 * runs the handler inside the message's correlation id.
 *
 * Up to `batchSize` messages are handled concurrently: handlers wait on I/O, and order is not
 * promised at this layer anyway (a redelivery overtakes later messages), so per-key ordering
 * belongs to the handler (sequence numbers, upserts). Messages are pulled only when a slot is
 * free, so none wait in a client buffer while their ack timer runs.
 *
 * Survives disconnects and server restarts: a pull interrupted by a reconnect is renewed by the
 * client; a pull that fails (server shutdown, missed heartbeats, durable deleted) is retried
 * after the reconnect, with backoff, re-creating the durable if it is gone.
 */
export class DurableConsumer<T extends object> {
  private readonly logger: Logger;
  private readonly stream: string;
  private readonly durable: string;
  private readonly batchSize: number;
  private readonly pullExpiresMs: number;
  private readonly filterSubject: string;
  private readonly deadLetters?: DeadLetterOffice;
  private readonly inFlight = new Set<Promise<unknown>>();
  // Each key's messages in stream order; those held waiting for their turn take no slot.
  private readonly order?: KeyOrder;
  private readonly held = new Map<number, JsMsg>();
  private readonly acks = new AckBatch(ACK_DELAY_MS, (err) =>
    this.logger.warn(
      { err },
      'ack not sent; the message will be redelivered (handlers are idempotent)',
    ),
  );
  private orderTimer?: NodeJS.Timeout;
  // The last delivery seen here: a jump means deliveries went to another instance.
  private lastDelivery = { consumerSeq: 0, streamSeq: 0 };
  private loop?: Promise<void>;
  private watch?: ConnectionWatch;
  private pull?: ConsumerMessages;
  private stopping = false;
  private ended = false;
  private givenBack = 0;
  private stopped?: Promise<void>;
  // Ends the loop's current wait (for a free slot, a reconnect, a backoff) when stop() is called.
  private wake: () => void = () => undefined;

  constructor(private readonly options: DurableConsumerOptions<T>) {
    this.stream = namespacedStream(options.namespace, options.event.stream);
    this.durable = namespacedDurable(options.namespace, options.durable);
    this.batchSize = Math.max(1, options.batchSize ?? 10);
    this.pullExpiresMs = Math.max(1_000, options.pullExpiresMs ?? 5_000);
    this.logger = options.logger.child({ stream: this.stream, durable: this.durable });
    this.filterSubject = options.filterSubject ?? options.event.subject;
    if (options.orderingKey) this.order = new KeyOrder();
    if (!subjectMatches(options.event.subject, this.filterSubject)) {
      throw new Error(`${this.filterSubject} is not a subject of ${options.event.subject}`);
    }
    // A dead letter that cannot be handled is terminated, not dead-lettered again.
    if (options.event.stream !== 'DEAD_LETTERS') {
      this.deadLetters = new DeadLetterOffice({
        publisher: new JetStreamPublisher(options.nc, options.namespace),
        stream: options.event.stream,
        durable: options.durable,
        senderOf: options.deadLetterSender,
        onDeadLettered: options.onDeadLettered,
        logger: this.logger,
      });
    }
  }

  /** True from a successful `start()` until `stop()` is called (or the connection is closed). */
  get isRunning(): boolean {
    return this.loop !== undefined && !this.stopping && !this.ended;
  }

  /**
   * Creates or updates the durable (explicit ack), then consumes in the background.
   * Rejects when the durable cannot be set up (stream missing, NATS unreachable).
   */
  async start(): Promise<void> {
    if (this.loop) throw new Error(`consumer ${this.durable} already started`);
    const info = await this.ensure();
    await this.awaitForeign(info);
    const consumer = jetstream(this.options.nc).consumers.getConsumerFromInfo(info);
    this.stopping = false;
    this.ended = false;
    this.givenBack = 0;
    this.stopped = undefined;
    this.watch = new ConnectionWatch(this.options.nc);
    if (this.order) this.tendOrder(consumer, (info.config.ack_wait ?? 30e9) / 1e6);
    this.loop = this.run(consumer);
    this.logger.info({ batchSize: this.batchSize }, 'consumer started');
  }

  /**
   * Graceful stop (call it on SIGTERM): pulls nothing new, gives back (nak, redelivered at
   * once elsewhere) what arrives meanwhile, waits for running handlers and their acks.
   * Takes up to `pullExpiresMs` plus the slowest handler; a hung handler is waited for, so
   * bound the whole shutdown with a timeout. Calling it again returns the same promise.
   */
  stop(): Promise<void> {
    if (!this.loop) return Promise.resolve();
    this.stopped ??= this.shutDown();
    return this.stopped;
  }

  private async shutDown(): Promise<void> {
    this.stopping = true;
    this.wake();
    // Letting the pull end by itself means no message is in flight to a closed subscription
    // (it would only come back after ack_wait). While disconnected nothing can be in flight,
    // and the pull would not end until the reconnect: close it.
    const closePull = (): void => void this.pull?.close();
    if (!this.watch?.isConnected) closePull();
    const deadline = setTimeout(closePull, this.pullExpiresMs + 2_000);
    try {
      await this.loop;
    } finally {
      clearTimeout(deadline);
    }
    clearInterval(this.orderTimer);
    this.giveBackHeld();
    await Promise.allSettled([...this.inFlight]);
    this.acks.flush();
    await this.flushConnection();
    this.watch?.close();
    this.loop = undefined;
    this.logger.info({ givenBack: this.givenBack }, 'consumer stopped');
  }

  private async setUp(): Promise<Consumer> {
    return jetstream(this.options.nc).consumers.getConsumerFromInfo(await this.ensure());
  }

  private async ensure(): Promise<ConsumerInfo> {
    const { nc, namespace } = this.options;
    return ensureDurable(
      await jetstreamManager(nc),
      {
        stream: this.stream,
        durable: this.durable,
        filterSubject: namespacedSubject(namespace, this.filterSubject),
        maxDeliver: this.options.maxDeliver ?? 10,
        ackWaitMs: this.options.ackWaitMs ?? 30_000,
      },
      this.logger,
    );
  }

  // What a dead or other instance was delivered and has not acked: its keys' later messages
  // wait here until the ack floor passes it or it comes back to this instance.
  private async awaitForeign(info: ConsumerInfo): Promise<void> {
    this.lastDelivery = {
      consumerSeq: info.delivered.consumer_seq,
      streamSeq: info.delivered.stream_seq,
    };
    if (!this.order) return;
    this.order.raiseFloor(info.ack_floor.stream_seq);
    await this.awaitKeysBetween(info.ack_floor.stream_seq, info.delivered.stream_seq);
  }

  private async awaitKeysBetween(after: number, upTo: number): Promise<void> {
    if (!this.order || upTo <= after) return;
    const keys = await readStreamKeys(
      {
        jsm: await jetstreamManager(this.options.nc),
        stream: this.stream,
        filterSubject: namespacedSubject(this.options.namespace, this.filterSubject),
        keyOf: this.options.orderingKey!,
      },
      { after, upTo },
    );
    for (const { seq, key } of keys) this.order.await(seq, key);
  }

  // Deliveries this instance did not get (they skipped its consumer sequence) went elsewhere.
  private async noteDelivery(msg: JsMsg): Promise<void> {
    const { deliverySequence: consumerSeq, streamSequence: streamSeq } = msg.info;
    const previous = this.lastDelivery;
    this.lastDelivery = {
      consumerSeq: Math.max(previous.consumerSeq, consumerSeq),
      streamSeq: Math.max(previous.streamSeq, streamSeq),
    };
    if (consumerSeq > previous.consumerSeq + 1 && streamSeq > previous.streamSeq + 1) {
      await this.awaitKeysBetween(previous.streamSeq, streamSeq - 1);
    }
  }

  // While messages wait for others held elsewhere, the ack floor is polled to release them,
  // and the waiting messages are kept from being redelivered meanwhile.
  private tendOrder(consumer: Consumer, ackWaitMs: number): void {
    const tickMs = 250;
    const heartbeatEvery = Math.max(1, Math.floor(ackWaitMs / 3 / tickMs));
    let tick = 0;
    this.orderTimer = setInterval(() => {
      tick += 1;
      if (tick % heartbeatEvery === 0) for (const msg of this.held.values()) msg.working();
      const order = this.order!;
      // Awaited entries nobody waits on are pruned now and then (every 2 s).
      if (order.blocked || (order.awaitedCount > 0 && tick % 8 === 0)) {
        const heldBefore = [...this.held.keys()].join();
        consumer.info().then(
          (info) => {
            order.raiseFloor(info.ack_floor.stream_seq);
            // The floor can lag far behind: with nats-server 2.9, once a redelivered message
            // has been acked, a server restart brings back the floor from before that ack,
            // which then moves only when nothing at all is pending; held messages are pending.
            // If the only pending messages are the ones held here (the same ones all through
            // the read), nothing is unsettled elsewhere.
            const heldAfter = [...this.held.keys()].join();
            if (heldAfter === heldBefore && info.num_ack_pending === this.held.size) {
              order.settleAwaited();
            }
          },
          (err: unknown) => this.logger.debug({ err }, 'ack floor not read; next tick'),
        );
      }
    }, tickMs);
    this.orderTimer.unref();
  }

  private giveBackHeld(): void {
    for (const task of this.order?.takeWaiting() ?? []) {
      this.held.get(task.seq)?.nak();
      this.held.delete(task.seq);
      this.givenBack += 1;
    }
  }

  private async run(initial: Consumer): Promise<void> {
    let consumer: Consumer | undefined = initial;
    let failures = 0;
    while (!this.stopping) {
      if (this.options.nc.isClosed()) {
        this.logger.error('NATS connection closed; consumer ends');
        break;
      }
      if (this.active >= this.batchSize) await this.waitFor(Promise.race([...this.inFlight]));
      else if (this.watch && !this.watch.isConnected)
        await this.waitFor(this.watch.untilConnected());
      if (this.stopping || this.active >= this.batchSize || !this.watch?.isConnected) continue;
      try {
        consumer ??= await this.setUp();
        const startedAt = Date.now();
        const received = await this.pullOnce(consumer);
        failures = 0;
        // A pull that ends at once with nothing (server limits) must not become a busy loop.
        if (received === 0 && Date.now() - startedAt < 500) await this.waitFor(delay(500));
      } catch (err) {
        failures += 1;
        const retryInMs = Math.min(250 * 2 ** (failures - 1), 10_000);
        this.logger.warn({ err, failures, retryInMs }, 'pull failed; retrying');
        consumer = undefined; // re-check (and re-create if deleted) the durable next time
        await this.waitFor(delay(retryInMs));
      }
    }
    this.ended = true;
  }

  private async pullOnce(consumer: Consumer): Promise<number> {
    const messages = await consumer.fetch({
      max_messages: this.batchSize - this.active,
      expires: this.pullExpiresMs,
    });
    this.pull = messages;
    let received = 0;
    try {
      for await (const msg of messages) {
        received += 1;
        if (this.stopping) {
          msg.nak();
          this.givenBack += 1;
        } else {
          await this.noteDelivery(msg);
          this.dispatch(msg);
        }
      }
    } finally {
      this.pull = undefined;
    }
    return received;
  }

  private dispatch(msg: JsMsg): void {
    const { namespace, event, handle } = this.options;
    const seq = msg.info.streamSequence;
    if (this.held.has(seq)) {
      // Redelivered while it waits here: its ack wait ran out unheeded (the process was frozen,
      // or starved). One copy waits, the latest delivery, whose ack the server now expects; a
      // second copy would run twice and, unheard by the heartbeat, be redelivered again.
      this.held.set(seq, msg);
      return;
    }
    const process = (delivery: JsMsg) =>
      processDelivery(delivery, {
        namespace,
        payloadType: event.payload,
        handle,
        maxDeliver: this.options.maxDeliver ?? 10,
        retryDelayMs: this.options.retryDelayMs ?? defaultRetryDelayMs,
        ack: (handled) => this.acks.add(handled),
        deadLetters: this.deadLetters,
        logger: this.logger,
      });
    const key = this.orderingKeyOf(msg);
    let task: Promise<unknown>;
    if (key === undefined || !this.order) task = process(msg);
    else {
      this.held.set(seq, msg);
      const run = () => {
        const delivery = this.held.get(seq) ?? msg;
        this.held.delete(seq);
        // Given back for a retry, it is not settled: the key's later messages wait for it,
        // unless the handler waits for earlier ones by itself.
        return process(delivery).then(
          (outcome) => outcome !== 'retrying' || this.options.retryReleasesKey === true,
        );
      };
      task = this.order.add({ seq, key, run });
    }
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  // Messages being handled; those held for their key's turn are not counted.
  private get active(): number {
    return this.inFlight.size - this.held.size;
  }

  // Decided at dispatch, in stream order; an unreadable body has no key (it is terminated anyway).
  private orderingKeyOf(msg: JsMsg): string | undefined {
    if (!this.options.orderingKey) return undefined;
    try {
      return this.options.orderingKey(JSON.parse(msg.string()));
    } catch {
      return undefined;
    }
  }

  // Waits for `until`, or less if stop() is called meanwhile.
  private waitFor(until: Promise<unknown>): Promise<unknown> {
    const stopped = new Promise<void>((resolve) => (this.wake = resolve));
    return Promise.race([until, stopped]);
  }

  // The last acks and naks may still sit in the client's buffer. While disconnected a flush
  // would wait for the reconnect: skip it, those messages come back after ack_wait.
  private async flushConnection(): Promise<void> {
    if (!this.watch?.isConnected) return;
    try {
      await this.options.nc.flush();
    } catch (err) {
      this.logger.debug(
        { err },
        'flush after stop failed; messages whose ack or nak was not sent come back after ack_wait',
      );
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
