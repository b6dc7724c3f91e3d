import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type TicketCreated } from '@hub/contracts';
import { Messaging } from '@hub/service-kit';

/**
 * Publishes ticket facts after their transaction committed, with the ticket id as
 * `Nats-Msg-Id`, so publishing the same fact again (a resent offline message) is deduplicated.
 */
@Injectable()
export class TicketEvents {
  private readonly logger = new Logger(TicketEvents.name);

  constructor(private readonly messaging: Messaging) {}

  // The ticket is stored whatever happens here: a failed publish is logged, and a resend of
  // the same message (same clientMessageId) publishes the fact again.
  async created(event: TicketCreated): Promise<void> {
    try {
      await this.messaging.connected();
      await this.messaging.publisher.publish(SUBJECTS.crm.ticketCreated, event, {
        msgId: `ticket-created:${event.ticketId}`,
      });
    } catch (error) {
      this.logger.error({ err: error, ticketId: event.ticketId }, 'ticket.created not published');
    }
  }
}
