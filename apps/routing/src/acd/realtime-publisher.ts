import { Injectable } from '@nestjs/common';
import { realtimeSubjects } from '@hub/contracts';
import { Realtime } from '@hub/service-kit';
import type { RoutingEffects } from './routing-effects';

/**
 * Publishes routing's realtime notices on core NATS after the transaction that made them true
 * has committed: queue positions to `rt.conversation.<id>` (the visitor's connector-web
 * replica), queue lengths and presence to `rt.workspace.<ws>` (every gateway holding agents
 * of it). Core NATS may drop them; clients can always ask `routing.queue.get`.
 */
@Injectable()
export class RealtimePublisher {
  constructor(private readonly realtime: Realtime) {}

  publish(effects: RoutingEffects): void {
    const workspace = realtimeSubjects.workspace(effects.workspaceId);
    for (const event of effects.positions)
      void this.realtime.publish(realtimeSubjects.conversation(event.conversationId), event);
    for (const event of [...effects.queues, ...effects.presence])
      void this.realtime.publish(workspace, event);
  }
}
