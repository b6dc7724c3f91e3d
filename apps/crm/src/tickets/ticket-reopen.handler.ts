import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SUBJECTS } from '@hub/contracts';
import { Messaging } from '@hub/service-kit';
import { ReopenOnCustomerMessage } from './reopen-on-customer-message.use-case';

/** Consumes every stored message: a customer's may reopen their solved ticket. */
@Injectable()
export class TicketReopenHandler implements OnApplicationBootstrap {
  constructor(
    private readonly messaging: Messaging,
    private readonly reopen: ReopenOnCustomerMessage,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.consume({
      event: SUBJECTS.conversation.messageCreated,
      durable: 'crm_ticket_reopen',
      // One customer's messages in order, so two at once do not race for the same ticket.
      orderingKey: (body) => (body as { customerId?: string }).customerId,
      batchSize: 20,
      handle: (message) => this.reopen.execute(message),
    });
  }
}
