import { ClientNats, ServerNats } from '@nestjs/microservices';
import type { NatsOptions } from '@nestjs/microservices';

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
    const prefixed = {
      subscribe: (subject: string, opts: object) => client.subscribe(`${this.namespace}.${subject}`, opts),
    } as unknown as NatsSubscriber;
    super.bindEvents(prefixed);
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

  protected override normalizePattern(pattern: Parameters<ClientNats['send']>[0]): string {
    return `${this.namespace}.${super.normalizePattern(pattern)}`;
  }
}
