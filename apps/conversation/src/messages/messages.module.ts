import { Module } from '@nestjs/common';
import { OpenConversation } from '../conversations/open-conversation';
import { InboundMessageHandler } from './inbound-message.handler';
import { ReceiveInboundMessage } from './receive-inbound-message.use-case';

@Module({
  providers: [InboundMessageHandler, ReceiveInboundMessage, OpenConversation],
})
export class MessagesModule {}
