import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SUBJECTS, type SocialDeliveryReported } from '@hub/contracts';
import type { DeliveryMeta } from '@hub/messaging';
import { Messaging } from '@hub/service-kit';
import { DeliveryStatusRepository } from '../messages/delivery-status.repository';
import { ConversationNotifier } from '../notifications/conversation-notifier';

// A status webhook may overtake the report of the send that gave the message its platform id;
// it is retried this often (with the consumer's backoff) before it is let go.
const UNMATCHED_ATTEMPTS = 5;

/**
 * Records on each social reply what connector-social reported, never moving backwards, and
 * tells the assignee's inbox.
 */
@Injectable()
export class SocialDeliveryHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SocialDeliveryHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly deliveries: DeliveryStatusRepository,
    private readonly notifier: ConversationNotifier,
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
      const changes = await this.deliveries.recordSocialWatermark({
        ...report,
        recipientId,
        upTo: new Date(upTo),
      });
      await this.notifier.fanOutDelivery(changes);
      return;
    }
    const { matched, changes } = await this.deliveries.recordSocial(report);
    await this.notifier.fanOutDelivery(changes);
    if (matched) return;
    if (meta.deliveryCount < UNMATCHED_ATTEMPTS) {
      throw new Error(`no message for delivery report ${report.eventId} yet`);
    }
    this.logger.warn({ eventId: report.eventId }, 'delivery report of an unknown message dropped');
  }
}
