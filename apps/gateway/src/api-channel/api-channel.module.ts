import { Module } from '@nestjs/common';
import { ApiInboxMessagesController } from './api-inbox-messages.controller';
import { ApiMessageLimit } from './api-message-limit';
import { ReceiveApiMessage } from './receive-api-message.use-case';

/** The API channel's door: integrators post customers' messages into API inboxes. */
@Module({
  controllers: [ApiInboxMessagesController],
  providers: [ApiMessageLimit, ReceiveApiMessage],
})
export class ApiChannelModule {}
