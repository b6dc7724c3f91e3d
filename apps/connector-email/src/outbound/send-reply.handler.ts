import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { EmailReplyRequested } from '@hub/contracts';
import { SUBJECTS } from '@hub/contracts';
import type { DeliveryMeta } from '@hub/messaging';
import { Messaging, SERVICE_ENV } from '@hub/service-kit';
import { FILE_STORAGE, type FileStorage } from '@hub/storage';
import type { ConnectorEmailEnv } from '../connector-email.env';
import { DeliveryReports } from './delivery-reports';
import { InboxRelays } from './inbox-relays';
import { replyMail } from './reply-mail';

/**
 * Mails agents' replies (`outbound.email`, written by conversation with the stored reply)
 * through the inbox's SMTP relay, or the hub's. A temporary refusal or an unreachable relay is retried with backoff
 * (the consumer's redelivery, 1 s doubling to 60 s) up to EMAIL_SEND_MAX_ATTEMPTS; a permanent
 * refusal (5xx), or the last attempt failing, marks the reply failed with the relay's answer.
 */
@Injectable()
export class SendReplyHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SendReplyHandler.name);

  constructor(
    @Inject(SERVICE_ENV) private readonly env: ConnectorEmailEnv,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly messaging: Messaging,
    private readonly reports: DeliveryReports,
    private readonly relays: InboxRelays,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.consume({
      event: SUBJECTS.conversation.emailReplyRequested,
      durable: 'connector_email_replies',
      // One more than the attempts: the last one reports the failure instead of retrying.
      maxDeliver: this.env.EMAIL_SEND_MAX_ATTEMPTS + 1,
      ackWaitMs: 60_000,
      handle: (request, meta) => this.send(request, meta),
    });
  }

  private async send(request: EmailReplyRequested, meta: DeliveryMeta): Promise<void> {
    const target = { workspaceId: request.workspaceId, messageId: request.messageId };
    // A failure to ask conversation is retried like a relay that cannot be reached.
    const relay = await this.relays.relayOf(request.inboxId);
    if (!relay) {
      await this.reports.report({
        ...target,
        outcome: 'failed',
        reason: 'No SMTP relay is configured (the inbox has none, nor SMTP_RELAY_URL)',
      });
      return;
    }
    try {
      const attachment = request.attachment
        ? await this.storage.get(request.attachment.storageKey)
        : null;
      await relay.sendMail(replyMail(request, attachment));
    } catch (error) {
      const { permanent, reason } = refusalOf(error);
      if (!permanent && meta.deliveryCount < this.env.EMAIL_SEND_MAX_ATTEMPTS) {
        this.logger.warn(
          { err: error, messageId: request.messageId, attempt: meta.deliveryCount },
          'reply not sent; retrying',
        );
        throw error;
      }
      this.logger.warn({ messageId: request.messageId, reason }, 'reply failed');
      await this.reports.report({ ...target, outcome: 'failed', reason });
      return;
    }
    await this.reports.reportSent(target);
  }
}

/** Whether the relay refused for good (5xx), and what it said. */
function refusalOf(error: unknown): { permanent: boolean; reason: string } {
  const { responseCode, response, message } = error as {
    responseCode?: number;
    response?: string;
    message?: string;
  };
  return {
    permanent: typeof responseCode === 'number' && responseCode >= 500,
    reason: response ?? message ?? 'the relay did not take the mail',
  };
}
