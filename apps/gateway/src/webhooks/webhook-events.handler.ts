import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SUBJECTS, type EventContract, type MessageCreated } from '@hub/contracts';
import { Channel, MessageDirection, SenderType } from '@hub/domain';
import { Messaging } from '@hub/service-kit';
import * as toPublic from './public-event-mapping';
import type { PublicEvent } from './public-event-mapping';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';

/** An agent's reply in an API inbox's conversation: it goes to the inbox's callback URL. */
function isApiReply(message: MessageCreated): boolean {
  return (
    message.channel === Channel.Api &&
    message.direction === MessageDirection.Outbound &&
    message.senderType === SenderType.Agent
  );
}

/**
 * Consumes the internal events integrators may subscribe to (one durable each), turns each into
 * its public event, logs it and creates its deliveries; the dispatcher sends them. Redelivered
 * events create nothing new (keyed by event id), so every event is delivered once per target.
 */
@Injectable()
export class WebhookEventsHandler implements OnApplicationBootstrap {
  constructor(
    private readonly messaging: Messaging,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.feed({
      event: SUBJECTS.conversation.conversationOpened,
      durable: 'gateway_webhooks_opened',
      map: toPublic.conversationCreated,
    });
    this.feed({
      event: SUBJECTS.conversation.conversationAssigned,
      durable: 'gateway_webhooks_assigned',
      map: toPublic.conversationAssigned,
    });
    this.feed({
      event: SUBJECTS.conversation.conversationResolved,
      durable: 'gateway_webhooks_resolved',
      map: toPublic.conversationResolved,
    });
    this.messaging.consume({
      event: SUBJECTS.conversation.messageCreated,
      durable: 'gateway_webhooks_messages',
      handle: async (message) => {
        await this.deliveries.record(
          toPublic.messageCreated(message),
          isApiReply(message) ? message.inboxId : undefined,
        );
      },
    });
    this.feed({
      event: SUBJECTS.crm.ticketChanged,
      durable: 'gateway_webhooks_tickets',
      map: toPublic.ticketChanged,
    });
    this.feed({
      event: SUBJECTS.crm.customerChanged,
      durable: 'gateway_webhooks_customers',
      map: toPublic.customerUpdated,
    });
  }

  private feed<T extends object>(source: {
    event: EventContract<string, T>;
    durable: string;
    map: (payload: T) => PublicEvent | undefined;
  }): void {
    this.messaging.consume({
      event: source.event,
      durable: source.durable,
      handle: async (payload) => {
        const published = source.map(payload);
        if (published) await this.deliveries.record(published);
      },
    });
  }
}
