import { Injectable, Logger } from '@nestjs/common';
import { apiDeliveryEventId, SUBJECTS, type ApiDeliveryReported } from '@hub/contracts';
import { Messaging } from '@hub/service-kit';

/**
 * Tells conversation what became of an agent's reply posted to an API inbox's callback, so the
 * message shows it (sent, or failed and why). Published after the delivery's row is written,
 * with the report's id as `Nats-Msg-Id`.
 */
@Injectable()
export class ApiDeliveryReports {
  private readonly logger = new Logger(ApiDeliveryReports.name);

  constructor(private readonly messaging: Messaging) {}

  async report(delivery: {
    workspaceId: string;
    messageId: string;
    outcome: 'sent' | 'failed';
    reason?: string;
  }): Promise<void> {
    const report: ApiDeliveryReported = {
      eventId: apiDeliveryEventId(delivery.messageId, delivery.outcome),
      workspaceId: delivery.workspaceId,
      messageId: delivery.messageId,
      outcome: delivery.outcome,
      ...(delivery.reason ? { reason: delivery.reason } : {}),
      occurredAt: new Date().toISOString(),
    };
    try {
      await this.messaging.publisher.publish(SUBJECTS.gateway.apiDeliveryReported, report, {
        msgId: report.eventId,
      });
    } catch (error) {
      // The delivery itself is recorded; only the message's status stays "pending".
      this.logger.warn({ err: error, messageId: delivery.messageId }, 'delivery not reported');
    }
  }
}
