import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SUBJECTS } from '@hub/contracts';
import { Messaging } from '@hub/service-kit';
import { ConversationSla } from '../sla/conversation-sla.use-case';
import { ConversationLifecycle } from './conversation-lifecycle.use-case';

/** Consumes the conversation events routing's assignments act on, each on its own durable. */
@Injectable()
export class ConversationEventsHandler implements OnApplicationBootstrap {
  constructor(
    private readonly messaging: Messaging,
    private readonly lifecycle: ConversationLifecycle,
    private readonly sla: ConversationSla,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.consume({
      event: SUBJECTS.conversation.conversationOpened,
      durable: 'routing_opened',
      // Arrivals are handled concurrently: they insert in parallel and share drains
      // (shared-drains.ts). 32 at once measured no different from 8 at 100 arrivals/s.
      batchSize: 8,
      handle: (event) => this.lifecycle.opened(event),
    });
    this.messaging.consume({
      event: SUBJECTS.conversation.conversationResolved,
      durable: 'routing_resolved',
      handle: (event) => this.lifecycle.resolved(event),
    });
    // Every stored message, read once for both of routing's uses: its SLA clocks and an agent's
    // first answer on the route. One durable instead of one per use halves the deliveries and
    // acks of the busiest event; both steps are idempotent, so a redelivery after either failed
    // repeats both harmlessly. One conversation's messages in stream order (the clocks need it).
    this.messaging.consume({
      event: SUBJECTS.conversation.messageCreated,
      durable: 'routing_messages',
      batchSize: 20,
      orderingKey: (body) => (body as { conversationId?: string }).conversationId,
      handle: async (event) => {
        await this.sla.messageCreated(event);
        await this.lifecycle.messageCreated(event);
      },
    });
  }
}
