import { Injectable, Logger } from '@nestjs/common';
import {
  emailDeliveryEventId,
  SUBJECTS,
  type EmailDeliveryOutcome,
  type EmailDeliveryReported,
} from '@hub/contracts';
import { Messaging } from '@hub/service-kit';
import { setTimeout as sleep } from 'node:timers/promises';

const ATTEMPTS = 3;

/** Publishes what became of a mailed reply (`evt.email.delivery.reported.v1`). */
@Injectable()
export class DeliveryReports {
  private readonly logger = new Logger(DeliveryReports.name);

  constructor(private readonly messaging: Messaging) {}

  /** Rejects when the report could not be stored (the caller decides what that means). */
  async report(outcome: {
    workspaceId: string;
    messageId: string;
    outcome: EmailDeliveryOutcome;
    reason?: string;
  }): Promise<void> {
    const report: EmailDeliveryReported = {
      eventId: emailDeliveryEventId(outcome.messageId, outcome.outcome),
      workspaceId: outcome.workspaceId,
      messageId: outcome.messageId,
      outcome: outcome.outcome,
      ...(outcome.reason ? { reason: outcome.reason.slice(0, 500) } : {}),
      occurredAt: new Date().toISOString(),
    };
    await this.messaging.publisher.publish(SUBJECTS.email.deliveryReported, report, {
      msgId: report.eventId,
    });
  }

  /**
   * After the relay took a mail, its report must not make the mail go out again: a few tries,
   * then the status stays pending and the loss is logged rather than the customer mailed twice.
   */
  async reportSent(target: { workspaceId: string; messageId: string }): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        await this.report({ ...target, outcome: 'sent' });
        return;
      } catch (error) {
        if (attempt === ATTEMPTS) {
          this.logger.error({ err: error, messageId: target.messageId }, 'sent, but not reported');
          return;
        }
        await sleep(500 * attempt);
      }
    }
  }
}
