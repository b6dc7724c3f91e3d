import { Injectable, Logger } from '@nestjs/common';
import {
  socialDeliveryEventId,
  SUBJECTS,
  type SocialDeliveryReported,
  type SocialDeliveryStatus,
} from '@hub/contracts';
import { Messaging, retryUntilSuccess } from '@hub/service-kit';

const REPORT_TIMEOUT_MS = 5_000;

/** Publishes what became of a reply sent to a platform (`evt.social.delivery.reported.v1`). */
@Injectable()
export class SocialDeliveryReports {
  private readonly logger = new Logger(SocialDeliveryReports.name);

  constructor(private readonly messaging: Messaging) {}

  /** Rejects when the report could not be stored (the caller decides what that means). */
  async report(outcome: {
    workspaceId: string;
    inboxId: string;
    messageId: string;
    channelMessageId?: string;
    status: SocialDeliveryStatus;
    reason?: string;
  }): Promise<void> {
    const { reason, channelMessageId, ...rest } = outcome;
    const fields = {
      ...rest,
      ...(channelMessageId ? { channelMessageId } : {}),
      ...(reason ? { reason: reason.slice(0, 500) } : {}),
      occurredAt: new Date().toISOString(),
    };
    const report: SocialDeliveryReported = { ...fields, eventId: socialDeliveryEventId(fields) };
    await this.messaging.publisher.publish(SUBJECTS.social.deliveryReported, report, {
      msgId: report.eventId,
    });
  }

  /**
   * After the platform took a reply, its report must not make it go out again: retried for a
   * few seconds, then the status stays pending and the loss is logged rather than the customer
   * sent it twice.
   */
  async reportSent(sent: {
    workspaceId: string;
    inboxId: string;
    messageId: string;
    channelMessageId?: string;
  }): Promise<void> {
    await retryUntilSuccess(() => this.report({ ...sent, status: 'sent' }), {
      what: 'the sent report',
      logger: this.logger,
      signal: AbortSignal.timeout(REPORT_TIMEOUT_MS),
    }).catch((error: unknown) => {
      this.logger.error({ err: error, messageId: sent.messageId }, 'sent, but not reported');
    });
  }
}
