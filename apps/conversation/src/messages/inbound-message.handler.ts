import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { InboundMessageReceived, SUBJECTS } from '@hub/contracts';
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
      stream: 'INBOUND',
      durable: 'conversation_inbound',
      filterSubject: SUBJECTS.inbound.all,
      payloadType: InboundMessageReceived,
      // One at a time: a customer's messages must be stored in the order they were accepted.
      batchSize: 1,
      handle: (message) => this.receive.execute(message),
    });
  }
}
