import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { ServiceEnv } from '@hub/config';
import { Messaging, SERVICE_ENV } from '@hub/service-kit';
import { SharedSubscriptions } from './shared-subscriptions';

/** The process's {@link SharedSubscriptions}, on the service's NATS connection. */
@Injectable()
export class RealtimeSubscriptions extends SharedSubscriptions implements OnApplicationBootstrap {
  constructor(
    @Inject(SERVICE_ENV) env: ServiceEnv,
    private readonly messaging: Messaging,
  ) {
    super(env.HUB_NAMESPACE);
  }

  onApplicationBootstrap(): void {
    this.messaging.connected().then(
      (nc) => this.use(nc),
      (error: unknown) =>
        this.logger.error({ err: error }, 'NATS never connected; sockets are refused'),
    );
  }
}
