import { Logger } from '@nestjs/common';
import { namespacedSubject, type NatsConnection } from '@hub/messaging';
import { DomainException } from '@hub/service-kit';
import type { Msg, Subscription } from '@nats-io/transport-node';

/** A realtime event as it arrives: parsed, and as the text it came in (forwarded unchanged). */
export interface RealtimeDelivery<H, E> {
  subject: string;
  event: E;
  text: string;
  /** This group's holders of the subject when the event arrived. */
  holders: ReadonlySet<H>;
}

export type RealtimeHandler<H, E> = (delivery: RealtimeDelivery<H, E>) => void | Promise<void>;

/** What the shared subscriptions see of a group: where its events go. */
interface GroupSink {
  deliver(delivery: RealtimeDelivery<unknown, { type: string }>): Promise<void>;
}

interface SubjectEntry {
  subscription: Subscription;
  holders: Map<GroupSink, Set<unknown>>;
}

/**
 * The process's realtime subscriptions, reference-counted: one core NATS subscription per
 * subject, shared by every local holder (a socket, an agent) that needs it, and unsubscribed
 * when the last one leaves, so a replica receives only what its own sockets need. Holders
 * join through a {@link SubscriptionGroup}, which says what its holders do with an event.
 */
export class SharedSubscriptions {
  protected readonly logger = new Logger(SharedSubscriptions.name);
  private readonly subjects = new Map<string, SubjectEntry>();
  private nc: NatsConnection | null = null;

  constructor(private readonly namespace: string) {}

  /** Subscriptions go through `nc` from now on. */
  use(nc: NatsConnection): void {
    this.nc = nc;
  }

  group<H, E extends { type: string }>(onEvent: RealtimeHandler<H, E>): SubscriptionGroup<H, E> {
    return new SubscriptionGroup(this, onEvent);
  }

  /** How many NATS subscriptions this process holds. */
  get subscriptionCount(): number {
    return this.subjects.size;
  }

  /** Resolves once the server has every subscription made so far. */
  async flush(): Promise<void> {
    await this.nc?.flush();
  }

  /** @internal used by {@link SubscriptionGroup.add} */
  join(group: GroupSink, subject: string, holder: unknown): void {
    const entry = this.subjects.get(subject) ?? this.subscribe(subject);
    const holders = entry.holders.get(group);
    if (holders) holders.add(holder);
    else entry.holders.set(group, new Set([holder]));
  }

  /** @internal used by {@link SubscriptionGroup.remove} */
  leave(group: GroupSink, subject: string, holder: unknown): void {
    const entry = this.subjects.get(subject);
    const holders = entry?.holders.get(group);
    if (!entry || !holders?.delete(holder) || holders.size > 0) return;
    entry.holders.delete(group);
    if (entry.holders.size > 0) return;
    this.subjects.delete(subject);
    this.unsubscribe(entry.subscription, subject);
  }

  /** @internal */
  holders(group: GroupSink, subject: string): ReadonlySet<unknown> {
    return this.subjects.get(subject)?.holders.get(group) ?? NONE;
  }

  private subscribe(subject: string): SubjectEntry {
    const nc = this.nc;
    if (!nc || nc.isClosed()) {
      throw new DomainException('REALTIME_UNAVAILABLE', 'NATS is not connected; try again');
    }
    const entry: SubjectEntry = {
      holders: new Map(),
      subscription: nc.subscribe(namespacedSubject(this.namespace, subject), {
        callback: (error, msg) => this.receive(subject, entry, error, msg),
      }),
    };
    this.subjects.set(subject, entry);
    this.logger.debug({ subject }, 'realtime subscribed');
    return entry;
  }

  private receive(subject: string, entry: SubjectEntry, error: Error | null, msg: Msg): void {
    if (error) return this.logger.warn({ err: error, subject }, 'realtime subscription failed');
    const text = msg.string();
    const event = parseEvent(text);
    if (!event) return this.logger.warn({ subject }, 'realtime event is not a JSON event; dropped');
    for (const [group, holders] of entry.holders) {
      group
        .deliver({ subject, event, text, holders })
        .catch((failure: unknown) =>
          this.logger.error({ err: failure, subject }, 'realtime event not handled'),
        );
    }
  }

  private unsubscribe(subscription: Subscription, subject: string): void {
    this.logger.debug({ subject }, 'realtime unsubscribed');
    if (subscription.isClosed()) return;
    try {
      subscription.unsubscribe();
    } catch (error) {
      // The connection is closing: the server drops the subscription with it.
      this.logger.debug({ err: error, subject }, 'realtime unsubscribe skipped');
    }
  }
}

/**
 * One kind of holder and what it does with an event (e.g. agent sockets on `rt.agent.<id>`).
 * Two groups may hold the same subject: the process still subscribes once.
 */
export class SubscriptionGroup<H, E> implements GroupSink {
  constructor(
    private readonly shared: SharedSubscriptions,
    private readonly onEvent: RealtimeHandler<H, E>,
  ) {}

  /** `holder` receives the subject's events from now on (subscribing if it is the first). */
  add(subject: string, holder: H): void {
    this.shared.join(this, subject, holder);
  }

  /** `holder` no longer needs the subject (unsubscribing if it was the last). */
  remove(subject: string, holder: H): void {
    this.shared.leave(this, subject, holder);
  }

  holders(subject: string): ReadonlySet<H> {
    return this.shared.holders(this, subject) as ReadonlySet<H>;
  }

  /** @internal */
  async deliver(delivery: RealtimeDelivery<unknown, { type: string }>): Promise<void> {
    await this.onEvent(delivery as RealtimeDelivery<H, E>);
  }
}

const NONE: ReadonlySet<never> = new Set();

function parseEvent(text: string): { type: string } | undefined {
  try {
    const event: unknown = JSON.parse(text);
    return typeof event === 'object' &&
      event !== null &&
      typeof (event as { type?: unknown }).type === 'string'
      ? (event as { type: string })
      : undefined;
  } catch {
    return undefined;
  }
}
