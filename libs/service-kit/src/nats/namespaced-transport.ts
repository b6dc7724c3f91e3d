import { ClientNats, ServerNats } from '@nestjs/microservices';
import type { MsPattern, NatsOptions } from '@nestjs/microservices';
import type { NatsConnection, SubscriptionOptions } from '@nats-io/transport-node';

type NatsClientOptions = Required<NatsOptions>['options'];
type NatsSubscriber = Parameters<ServerNats['bindEvents']>[0];

/**
 * Nest's NATS server, subscribing every `@MessagePattern` under the hub namespace so that
 * several hubs (or test runs) can share one NATS server without answering each other.
 */
export class NamespacedNatsServer extends ServerNats {
  constructor(
    private readonly namespace: string,
    options: NatsClientOptions,
  ) {
    super(options);
  }

  override bindEvents(client: NatsSubscriber): void {
    // bindEvents only subscribes; handlers stay keyed by the un-prefixed pattern.
    const connection = client as NatsConnection;
    const prefixed: Pick<NatsConnection, 'subscribe'> = {
      subscribe: (subject: string, opts?: SubscriptionOptions) =>
        connection.subscribe(`${this.namespace}.${subject}`, opts),
    };
    super.bindEvents(prefixed as NatsSubscriber);
  }
}

/** Nest's NATS client, sending every request under the hub namespace. */
export class NamespacedNatsClient extends ClientNats {
  constructor(
    private readonly namespace: string,
    options: NatsClientOptions,
  ) {
    super(options);
  }

  protected override normalizePattern(pattern: MsPattern): string {
    return `${this.namespace}.${super.normalizePattern(pattern)}`;
  }
}
