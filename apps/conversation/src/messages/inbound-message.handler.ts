import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { inboundDeadLetterSender, SUBJECTS, type InboundMessageReceived } from '@hub/contracts';
import { Messaging } from '@hub/service-kit';
import { ReceiveInboundMessage } from './receive-inbound-message.use-case';

/** Consumes every channel's accepted customer messages from the INBOUND stream. */
@Injectable()
export class InboundMessageHandler implements OnApplicationBootstrap {
  constructor(
    private readonly messaging: Messaging,
    private readonly receive: ReceiveInboundMessage,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.consume({
      event: SUBJECTS.inbound.messageReceived,
      durable: 'conversation_inbound',
      // Customers are handled concurrently; one customer's messages in the order accepted.
      batchSize: 32,
      // After a crash, what the dead instance had pulled comes back once this runs out.
      ackWaitMs: 10_000,
      orderingKey: (body) => {
        const { inboxId, customer } = body as Partial<InboundMessageReceived>;
        return `${inboxId}:${customer?.externalId}`;
      },
      // A message given up is dead-lettered with its sender, whose connector tells them.
      deadLetterSender: inboundDeadLetterSender,
      handle: (message) => this.receive.execute(message),
    });
  }
}
