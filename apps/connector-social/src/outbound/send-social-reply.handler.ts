import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SUBJECTS, type SocialReplyRequested } from '@hub/contracts';
import { Channel } from '@hub/domain';
import { RetryLaterError, type DeliveryMeta } from '@hub/messaging';
import { Messaging, SERVICE_ENV } from '@hub/service-kit';
import { FILE_STORAGE, type FileStorage } from '@hub/storage';
import type { ConnectorSocialEnv } from '../connector-social.env';
import { SocialInboxes, type SocialInbox } from '../inboxes/social-inboxes';
import { LineSender } from './line-sender';
import { MetaSender } from './meta-sender';
import { PlatformRefusal, type ReplyFile } from './platform-call';
import { SocialDeliveryReports } from './social-delivery-reports';
import { TelegramSender } from './telegram-sender';

const REPLY_EVENTS = [
  {
    event: SUBJECTS.conversation.messengerReplyRequested,
    durable: 'connector_social_messenger_replies',
  },
  {
    event: SUBJECTS.conversation.instagramReplyRequested,
    durable: 'connector_social_instagram_replies',
  },
  {
    event: SUBJECTS.conversation.whatsappReplyRequested,
    durable: 'connector_social_whatsapp_replies',
  },
  {
    event: SUBJECTS.conversation.telegramReplyRequested,
    durable: 'connector_social_telegram_replies',
  },
  { event: SUBJECTS.conversation.lineReplyRequested, durable: 'connector_social_line_replies' },
] as const;

/**
 * Sends agents' replies (`outbound.<channel>`, written by conversation with the stored reply)
 * through each platform's send API. A temporary refusal (5xx, 429, unreachable) is retried with
 * backoff, after the platform's Retry-After when it gives one, up to SOCIAL_SEND_MAX_ATTEMPTS; a
 * permanent refusal (4xx), or the last attempt failing, marks the reply failed with the
 * platform's own error text.
 */
@Injectable()
export class SendSocialReplyHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SendSocialReplyHandler.name);

  constructor(
    @Inject(SERVICE_ENV) private readonly env: ConnectorSocialEnv,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly messaging: Messaging,
    private readonly inboxes: SocialInboxes,
    private readonly reports: SocialDeliveryReports,
    private readonly meta: MetaSender,
    private readonly telegram: TelegramSender,
    private readonly line: LineSender,
  ) {}

  onApplicationBootstrap(): void {
    for (const { event, durable } of REPLY_EVENTS) {
      this.messaging.consume({
        event,
        durable,
        // One more than the attempts: the last one reports the failure instead of retrying.
        maxDeliver: this.env.SOCIAL_SEND_MAX_ATTEMPTS + 1,
        ackWaitMs: 60_000,
        handle: (request, meta) => this.send(request, meta),
      });
    }
  }

  private async send(request: SocialReplyRequested, meta: DeliveryMeta): Promise<void> {
    const target = {
      workspaceId: request.workspaceId,
      inboxId: request.inboxId,
      messageId: request.messageId,
    };
    let channelMessageId: string | undefined;
    try {
      const inbox = await this.inboxes.byId(request.channel, request.inboxId);
      if (!inbox) throw new PlatformRefusal('the inbox no longer exists', true);
      channelMessageId = await this.sendThrough(inbox, request, await this.fileOf(request));
    } catch (error) {
      const refusal =
        error instanceof PlatformRefusal ? error : new PlatformRefusal(String(error), false);
      if (!refusal.permanent && meta.deliveryCount < this.env.SOCIAL_SEND_MAX_ATTEMPTS) {
        this.logger.warn(
          { messageId: request.messageId, attempt: meta.deliveryCount, reason: refusal.reason },
          'reply not sent; retrying',
        );
        if (refusal.retryAfterMs) throw new RetryLaterError(refusal.reason, refusal.retryAfterMs);
        throw refusal;
      }
      this.logger.warn({ messageId: request.messageId, reason: refusal.reason }, 'reply failed');
      await this.reports.report({ ...target, status: 'failed', reason: refusal.reason });
      return;
    }
    await this.reports.reportSent({ ...target, channelMessageId });
  }

  private sendThrough(
    inbox: SocialInbox,
    request: SocialReplyRequested,
    file?: ReplyFile,
  ): Promise<string | undefined> {
    switch (request.channel) {
      case Channel.Telegram:
        return this.telegram.send(inbox, request, file);
      case Channel.Line:
        return this.line.send(inbox, request, file);
      case Channel.Messenger:
      case Channel.Instagram:
      case Channel.WhatsApp:
        return this.meta.send(inbox, request, file);
    }
  }

  private async fileOf(request: SocialReplyRequested): Promise<ReplyFile | undefined> {
    if (!request.attachment) return undefined;
    const { name, mimeType, storageKey } = request.attachment;
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.get(storageKey)) chunks.push(chunk as Buffer);
    return { name, mimeType, bytes: Buffer.concat(chunks) };
  }
}
