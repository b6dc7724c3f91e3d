import { Module } from '@nestjs/common';
import { FileLinksController } from '@hub/storage';
import { SocialInboxes } from './inboxes/social-inboxes';
import { LineReplyTokens } from './outbound/line-reply-tokens';
import { LineSender } from './outbound/line-sender';
import { LineVideoPreviewController } from './outbound/line-video-preview.controller';
import { MetaSender } from './outbound/meta-sender';
import { SendSocialReplyHandler } from './outbound/send-social-reply.handler';
import { SocialDeliveryReports } from './outbound/social-delivery-reports';
import { TelegramSender } from './outbound/telegram-sender';
import { PlatformWebhooksHandler } from './setup/platform-webhooks.handler';

/** Agents' replies out through the platforms' send APIs, and what became of them. */
@Module({
  // LINE fetches a reply's file from this connector's signed link, and a video's preview.
  controllers: [PlatformWebhooksHandler, FileLinksController, LineVideoPreviewController],
  providers: [
    SocialInboxes,
    LineReplyTokens,
    MetaSender,
    TelegramSender,
    LineSender,
    SocialDeliveryReports,
    SendSocialReplyHandler,
  ],
  exports: [SocialInboxes, LineReplyTokens],
})
export class OutboundModule {}
