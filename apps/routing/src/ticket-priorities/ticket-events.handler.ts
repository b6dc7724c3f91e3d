import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SUBJECTS } from '@hub/contracts';
import { Messaging } from '@hub/service-kit';
import { TicketPriorities } from './ticket-priorities';

/** Consumes crm's ticket changes: their priority orders the linked conversations' queues. */
@Injectable()
export class TicketEventsHandler implements OnApplicationBootstrap {
  constructor(
    private readonly messaging: Messaging,
    private readonly priorities: TicketPriorities,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.consume({
      event: SUBJECTS.crm.ticketChanged,
      durable: 'routing_ticket_priorities',
      handle: (event) => this.priorities.changed(event),
    });
  }
}
