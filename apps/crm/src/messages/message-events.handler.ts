import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SUBJECTS } from '@hub/contracts';
import { Messaging } from '@hub/service-kit';
import { messageFact } from '../reports/report-facts';
import { ReportProjection } from '../reports/report-projection';
import { ReopenOnCustomerMessage } from '../tickets/reopen-on-customer-message.use-case';

/**
 * Every stored message, read once for all of crm's uses: an agent's makes a report fact, a
 * customer's may reopen their solved ticket. One durable instead of one per use halves crm's
 * deliveries and acks of the busiest event; each message needs only one of the two steps.
 */
@Injectable()
export class MessageEventsHandler implements OnApplicationBootstrap {
  constructor(
    private readonly messaging: Messaging,
    private readonly projection: ReportProjection,
    private readonly reopen: ReopenOnCustomerMessage,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.consume({
      event: SUBJECTS.conversation.messageCreated,
      durable: 'crm_messages',
      // One customer's messages in order, so two at once do not race for the same ticket.
      orderingKey: (body) => (body as { customerId?: string }).customerId,
      batchSize: 20,
      handle: async (message) => {
        const fact = messageFact(message);
        if (fact) await this.projection.apply([fact]);
        await this.reopen.execute(message);
      },
    });
  }
}
