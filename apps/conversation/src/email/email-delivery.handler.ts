import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SUBJECTS, type EmailDeliveryReported } from '@hub/contracts';
import { DeliveryStatus } from '@hub/domain';
import { Messaging } from '@hub/service-kit';
import { MessageRepository } from '../messages/message.repository';

const STATUS_OF = { sent: DeliveryStatus.Sent, failed: DeliveryStatus.Failed } as const;

/**
 * Records on each mailed reply what connector-email reported (sent, or failed and why), and on
 * each reply in an API inbox what the gateway reported of its callback: the same report.
 */
@Injectable()
export class EmailDeliveryHandler implements OnApplicationBootstrap {
  constructor(
    private readonly messaging: Messaging,
    private readonly messages: MessageRepository,
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

  private record(report: EmailDeliveryReported): Promise<void> {
    return this.messages.recordDelivery({
      workspaceId: report.workspaceId,
      messageId: report.messageId,
      status: STATUS_OF[report.outcome],
      error: report.reason ?? null,
    });
  }
}
