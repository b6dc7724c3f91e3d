import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetWebhookEndpointRequest,
  platformWebhookUrl,
  SetTelegramWebhookRequest,
  SUBJECTS,
  type SetTelegramWebhookReply,
  type WebhookEndpointView,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { DomainException, RequestPattern, SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorSocialEnv } from '../connector-social.env';
import { SocialInboxes } from '../inboxes/social-inboxes';
import { PlatformRefusal } from '../outbound/platform-call';
import { TelegramSender } from '../outbound/telegram-sender';

/**
 * What an admin tells a platform about an inbox: its webhook URL (and Meta's verify token), and
 * for Telegram the registration itself (setWebhook with its secret token).
 */
@Controller()
export class PlatformWebhooksHandler {
  constructor(
    @Inject(SERVICE_ENV) private readonly env: ConnectorSocialEnv,
    private readonly inboxes: SocialInboxes,
    private readonly telegram: TelegramSender,
  ) {}

  @RequestPattern(SUBJECTS.social.getWebhookEndpoint)
  endpoint(@Payload() request: GetWebhookEndpointRequest): WebhookEndpointView {
    const publicUrl = this.env.SOCIAL_PUBLIC_URL;
    const isMeta = request.channel !== 'telegram' && request.channel !== 'line';
    return {
      url: publicUrl ? platformWebhookUrl(publicUrl, request.channel, request.inboxId) : null,
      verifyToken: isMeta ? (this.env.META_VERIFY_TOKEN ?? null) : null,
    };
  }

  @RequestPattern(SUBJECTS.social.setTelegramWebhook)
  async set(@Payload() request: SetTelegramWebhookRequest): Promise<SetTelegramWebhookReply> {
    const inbox = await this.inboxes.byId(Channel.Telegram, request.inboxId);
    if (!inbox || inbox.workspaceId !== request.workspaceId) {
      throw new DomainException('INBOX_NOT_FOUND', 'No such Telegram inbox');
    }
    if (!this.env.SOCIAL_PUBLIC_URL) {
      throw new DomainException('VALIDATION_FAILED', 'SOCIAL_PUBLIC_URL is not configured');
    }
    try {
      return { url: await this.telegram.setWebhook(inbox, this.env.SOCIAL_PUBLIC_URL) };
    } catch (error) {
      if (!(error instanceof PlatformRefusal)) throw error;
      throw new DomainException('UPSTREAM_UNAVAILABLE', `Telegram refused: ${error.reason}`);
    }
  }
}
