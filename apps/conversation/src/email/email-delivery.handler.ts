import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SUBJECTS, type EmailDeliveryReported } from '@hub/contracts';
import { DeliveryStatus } from '@hub/domain';
import { Messaging } from '@hub/service-kit';
import { DeliveryStatusRepository } from '../messages/delivery-status.repository';
import { ConversationNotifier } from '../notifications/conversation-notifier';

const STATUS_OF = { sent: DeliveryStatus.Sent, failed: DeliveryStatus.Failed } as const;

/**
 * Records on each mailed reply what connector-email reported (sent, or failed and why), and on
 * each reply in an API inbox what the gateway reported of its callback (the same report), and
 * tells the assignee's inbox.
 */
@Injectable()
export class EmailDeliveryHandler implements OnApplicationBootstrap {
  constructor(
    private readonly messaging: Messaging,
    private readonly deliveries: DeliveryStatusRepository,
    private readonly notifier: ConversationNotifier,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.consume({
      event: SUBJECTS.email.deliveryReported,
      durable: 'conversation_email_delivery',
      handle: (report) => this.record(report),
    });
    this.messaging.consume({
      event: SUBJECTS.gateway.apiDeliveryReported,
      durable: 'conversation_api_delivery',
      handle: (report) => this.record(report),
    });
  }

  private async record(report: EmailDeliveryReported): Promise<void> {
    const changes = await this.deliveries.record({
      workspaceId: report.workspaceId,
      messageId: report.messageId,
      status: STATUS_OF[report.outcome],
      error: report.reason ?? null,
    });
    await this.notifier.fanOutDelivery(changes);
  }
}
