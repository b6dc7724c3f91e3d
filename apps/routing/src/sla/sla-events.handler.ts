import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SUBJECTS } from '@hub/contracts';
import { Messaging } from '@hub/service-kit';
import { ConversationSla } from './conversation-sla.use-case';
import { TicketSla } from './ticket-sla.use-case';

// One conversation's (or ticket's) events in stream order; others concurrently.
const byConversation = (body: unknown) => (body as { conversationId?: string }).conversationId;

/**
 * The events that drive SLA clocks, each on a durable of its own; messages come through
 * routing's one message durable (ConversationEventsHandler).
 */
@Injectable()
export class SlaEventsHandler implements OnApplicationBootstrap {
  constructor(
    private readonly messaging: Messaging,
    private readonly conversations: ConversationSla,
    private readonly tickets: TicketSla,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.consume({
      event: SUBJECTS.conversation.conversationOpened,
      durable: 'routing_sla_opened',
      orderingKey: byConversation,
      handle: (event) => this.conversations.opened(event),
    });
    this.messaging.consume({
      event: SUBJECTS.conversation.conversationAssigned,
      durable: 'routing_sla_assigned',
      orderingKey: byConversation,
      handle: (event) => this.conversations.assigned(event),
    });
    this.messaging.consume({
      event: SUBJECTS.conversation.conversationResolved,
      durable: 'routing_sla_resolved',
      orderingKey: byConversation,
      handle: (event) => this.conversations.resolved(event),
    });
    this.messaging.consume({
      event: SUBJECTS.crm.ticketChanged,
      durable: 'routing_sla_tickets',
      orderingKey: (body) => (body as { ticket?: { id?: string } }).ticket?.id,
      // A version that came before an earlier one is retried while that one is applied.
      retryReleasesKey: true,
      handle: (event, meta) => this.tickets.changed(event, meta.deliveryCount),
    });
  }
}
