import { Injectable, Logger } from '@nestjs/common';
import {
  inboundMessageId,
  socialDeliveryEventId,
  SUBJECTS,
  type InboundMessageReceived,
  type SocialDeliveryReported,
} from '@hub/contracts';
import { ContentType } from '@hub/domain';
import { Messaging } from '@hub/service-kit';
import type { SocialInbox } from '../inboxes/social-inboxes';
import { PlatformMedia } from '../media/platform-media';
import { storable, type PlatformEvents, type PlatformMessage } from './platform-message';

const MAX_CONTENT = 20_000;
// The contract's limit on a channel id; platform ids are far shorter.
const MAX_EXTERNAL_ID = 400;
const NAME_MAX = 200;

/**
 * What a webhook carried for one inbox, made durable: each message (its media fetched and
 * stored first) published to `inbound.<channel>` with `Nats-Msg-Id` = inbox + platform id, each
 * status of a reply to `evt.social.delivery.reported.v1`. Resolves only once JetStream has
 * acknowledged all of them: the platform gets its 200 after that, and retries otherwise.
 */
@Injectable()
export class AdmitPlatformEvents {
  private readonly logger = new Logger(AdmitPlatformEvents.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly media: PlatformMedia,
  ) {}

  async execute(inbox: SocialInbox, events: PlatformEvents): Promise<void> {
    if (events.ignored.length > 0) {
      this.logger.log({ inboxId: inbox.inboxId, ignored: events.ignored }, 'events ignored');
    }
    const messages = await Promise.all(events.messages.map((m) => this.inboundOf(inbox, m)));
    const statuses = events.statuses.map((status): SocialDeliveryReported => {
      const report = {
        workspaceId: inbox.workspaceId,
        inboxId: inbox.inboxId,
        ...('watermark' in status
          ? {
              watermark: {
                recipientId: storable(status.watermark.recipientId, MAX_EXTERNAL_ID),
                upTo: status.watermark.upTo.toISOString(),
              },
            }
          : { channelMessageId: status.channelMessageId }),
        status: status.status,
        ...(status.reason ? { reason: status.reason.slice(0, 500) } : {}),
        occurredAt: new Date().toISOString(),
      };
      return { ...report, eventId: socialDeliveryEventId(report) };
    });
    await Promise.all([
      this.messaging.publisher.publishMany(
        messages.map((payload) => ({
          event: SUBJECTS.inbound.messageReceived,
          payload,
          msgId: inboundMessageId(payload),
        })),
        { maxInFlight: 16 },
      ),
      this.messaging.publisher.publishMany(
        statuses.map((payload) => ({
          event: SUBJECTS.social.deliveryReported,
          payload,
          msgId: payload.eventId,
        })),
        { maxInFlight: 16 },
      ),
    ]);
  }

  private async inboundOf(
    inbox: SocialInbox,
    message: PlatformMessage,
  ): Promise<InboundMessageReceived> {
    const kept = message.media
      ? await this.media.keep(inbox, message.senderId, message.media)
      : undefined;
    const content = [message.text, kept && 'note' in kept ? kept.note : '']
      .filter((part) => part !== '')
      .join('\n');
    return {
      workspaceId: inbox.workspaceId,
      inboxId: inbox.inboxId,
      channel: inbox.channel,
      externalMessageId: storable(message.externalMessageId, MAX_EXTERNAL_ID),
      customer: {
        externalId: storable(message.senderId, MAX_EXTERNAL_ID),
        ...(message.senderName ? { name: storable(message.senderName, NAME_MAX) } : {}),
        ...(message.senderPhone ? { phone: message.senderPhone } : {}),
      },
      content: storable(content, MAX_CONTENT),
      contentType: kept && 'file' in kept ? ContentType.File : ContentType.Text,
      ...(kept && 'file' in kept ? { attachmentFileId: kept.file.id } : {}),
      ...(message.replyTo
        ? { replyToExternalMessageId: storable(message.replyTo, MAX_EXTERNAL_ID) }
        : {}),
      sentAt: message.sentAt.toISOString(),
    };
  }
}
