import { Module } from '@nestjs/common';
import { ApiInboxMessagesController } from './api-inbox-messages.controller';
import { ApiMessageLimit } from './api-message-limit';
import { GATEWAY_SECRET_BOX } from './gateway-secret-box';
import { ReceiveApiMessage } from './receive-api-message.use-case';

/** The API channel's door: integrators post customers' messages into API inboxes. */
@Module({
  controllers: [ApiInboxMessagesController],
  providers: [ApiMessageLimit, ReceiveApiMessage, GATEWAY_SECRET_BOX],
})
export class ApiChannelModule {}
