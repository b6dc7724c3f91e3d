import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SUBJECTS, type SocialDeliveryReported } from '@hub/contracts';
import type { DeliveryMeta } from '@hub/messaging';
import { Messaging } from '@hub/service-kit';
import { MessageRepository } from '../messages/message.repository';

// A status webhook may overtake the report of the send that gave the message its platform id;
// it is retried this often (with the consumer's backoff) before it is let go.
const UNMATCHED_ATTEMPTS = 5;

/** Records on each social reply what connector-social reported, never moving backwards. */
@Injectable()
export class SocialDeliveryHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SocialDeliveryHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly messages: MessageRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.consume({
      event: SUBJECTS.social.deliveryReported,
      durable: 'conversation_social_delivery',
      handle: (report, meta) => this.record(report, meta),
    });
  }

  private async record(report: SocialDeliveryReported, meta: DeliveryMeta): Promise<void> {
    if (report.watermark) {
      // Covers whatever replies there are, none included: nothing to wait for.
      const { recipientId, upTo } = report.watermark;
      await this.messages.recordSocialWatermark({ ...report, recipientId, upTo: new Date(upTo) });
      return;
    }
    const matched = await this.messages.recordSocialDelivery(report);
    if (matched) return;
    if (meta.deliveryCount < UNMATCHED_ATTEMPTS) {
      throw new Error(`no message for delivery report ${report.eventId} yet`);
    }
    this.logger.warn({ eventId: report.eventId }, 'delivery report of an unknown message dropped');
  }
}
