import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { realtimeSubjects, type RealtimeEvent } from '@hub/contracts';
import { namespacedSubject, type NatsConnection } from '@hub/messaging';
import { Messaging, SERVICE_ENV } from '@hub/service-kit';
import type { RoutingEnv } from '../routing.env';
import type { RoutingEffects } from './routing-effects';

/**
 * Publishes routing's realtime notices on core NATS after the transaction that made them true
 * has committed: queue positions to `rt.conversation.<id>` (the visitor's connector-web
 * replica), queue lengths and presence to `rt.workspace.<ws>` (every gateway holding agents
 * of it). Core NATS may drop them; clients can always ask `routing.queue.get`.
 */
@Injectable()
export class RealtimePublisher implements OnApplicationBootstrap {
  private readonly logger = new Logger(RealtimePublisher.name);
  private nc?: NatsConnection;

  constructor(
    private readonly messaging: Messaging,
    @Inject(SERVICE_ENV) private readonly env: RoutingEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.connected().then(
      (nc) => (this.nc = nc),
      (error: unknown) =>
        this.logger.warn({ err: error }, 'no NATS connection for realtime notices'),
    );
  }

  publish(effects: RoutingEffects): void {
    const workspace = realtimeSubjects.workspace(effects.workspaceId);
    for (const event of effects.positions)
      this.send(realtimeSubjects.conversation(event.conversationId), event);
    for (const event of effects.queues) this.send(workspace, event);
    for (const event of effects.presence) this.send(workspace, event);
  }

  private send(subject: string, event: RealtimeEvent): void {
    if (!this.nc || this.nc.isClosed()) {
      this.logger.warn(
        { subject, type: event.type },
        'realtime notice not sent: NATS is not connected',
      );
      return;
    }
    this.nc.publish(namespacedSubject(this.env.HUB_NAMESPACE, subject), JSON.stringify(event));
  }
}
