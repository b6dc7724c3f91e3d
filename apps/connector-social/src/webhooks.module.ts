import { Module } from '@nestjs/common';
import { AdmitPlatformEvents } from './inbound/admit-platform-events.use-case';
import { PlatformMedia } from './media/platform-media';
import { OutboundModule } from './outbound.module';
import { LineWebhook } from './webhooks/line-webhook';
import { MetaWebhook } from './webhooks/meta-webhook';
import { TelegramWebhook } from './webhooks/telegram-webhook';
import { WebhookAdmission } from './webhooks/webhook-admission';
import { WebhooksController } from './webhooks/webhooks.controller';

/** Platform webhooks in: checked, and what they carry published to `inbound.<channel>`. */
@Module({
  // LINE reply tokens are taken in by the webhook and used by the sender.
  imports: [OutboundModule],
  controllers: [WebhooksController],
  providers: [
    WebhookAdmission,
    PlatformMedia,
    AdmitPlatformEvents,
    MetaWebhook,
    TelegramWebhook,
    LineWebhook,
  ],
})
export class WebhooksModule {}
