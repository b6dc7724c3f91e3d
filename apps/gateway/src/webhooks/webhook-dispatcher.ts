import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicPass, SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';
import { ApiDeliveryReports } from '../api-channel/api-delivery-reports';
import { DeliveryTargets } from './delivery-targets';
import { nextAttemptAt, type RetryPolicy } from './retry-schedule';
import { webhookHeaders } from './standard-webhook-signature';
import { resolveTarget } from './target-address';
import { WebhookDeliveriesRepository, type DueDelivery } from './webhook-deliveries.repository';
import { envelopeOf } from './webhook-envelope';
import { postWebhook, type AttemptOutcome } from './webhook-sender';

// Deliveries one pass claims; each is attempted concurrently with the others of its pass.
const BATCH = 50;

/**
 * The sweep that makes every due delivery's next attempt, on every gateway replica (claims are
 * leased, so replicas share the work), every WEBHOOK_SWEEP_INTERVAL_MS.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly pass: PeriodicPass;
  private readonly policy: RetryPolicy;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly targets: DeliveryTargets,
    private readonly reports: ApiDeliveryReports,
    @Inject(SERVICE_ENV) private readonly env: GatewayEnv,
  ) {
    this.policy = {
      firstRetryMs: env.WEBHOOK_FIRST_RETRY_MS,
      maxDelayMs: env.WEBHOOK_MAX_RETRY_DELAY_MS,
      retryForMs: env.WEBHOOK_RETRY_FOR_SECONDS * 1000,
    };
    this.pass = new PeriodicPass(() => this.deliverDue(), {
      everyMs: env.WEBHOOK_SWEEP_INTERVAL_MS,
      logger: this.logger,
      failure: 'webhook sweep failed',
    });
  }

  onApplicationBootstrap(): void {
    this.pass.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.pass.stop();
  }

  /** Attempts what is due now; resolves with how many attempts it made. */
  async deliverDue(): Promise<number> {
    // The lease outlasts the attempt's timeout, so a live attempt is never claimed twice.
    const due = await this.deliveries.claimDue(BATCH, this.env.WEBHOOK_TIMEOUT_MS * 3);
    await Promise.all(due.map((delivery) => this.attempt(delivery)));
    return due.length;
  }

  private async attempt(delivery: DueDelivery): Promise<void> {
    const outcome = await this.send(delivery);
    if (outcome.ok) {
      await this.deliveries.delivered(delivery, outcome.status);
      await this.reportCallback(delivery, 'sent');
      return;
    }
    const now = new Date();
    const retryAt = nextAttemptAt(this.policy, {
      attempts: delivery.attempts + 1,
      firstAttemptAt: delivery.firstAttemptAt ?? now,
      now,
    });
    this.logger.warn(
      { deliveryId: delivery.id, eventId: delivery.eventId, error: outcome.error, retryAt },
      'webhook delivery failed',
    );
    await this.deliveries.failed(delivery, {
      responseStatus: outcome.status,
      error: outcome.error.slice(0, 500),
      retryAt,
      pauseAfter: this.env.WEBHOOK_PAUSE_AFTER_FAILURES,
    });
    if (!retryAt) await this.reportCallback(delivery, 'failed', outcome.error);
  }

  /** An API inbox's callback of an agent's reply: the message's delivery status follows it. */
  private async reportCallback(
    delivery: DueDelivery,
    outcome: 'sent' | 'failed',
    reason?: string,
  ): Promise<void> {
    const messageId = delivery.data['1']?.messageId;
    if (!delivery.inboxId || typeof messageId !== 'string') return;
    await this.reports.report({
      workspaceId: delivery.workspaceId,
      messageId,
      outcome,
      reason: reason?.slice(0, 500),
    });
  }

  private async send(delivery: DueDelivery): Promise<AttemptOutcome> {
    try {
      const target = await this.targets.of(delivery);
      const url = new URL(target.url);
      // Checked at every attempt, not only at subscription: DNS answers change.
      const address = await resolveTarget(url, delivery.allowPrivateTargets);
      const body = JSON.stringify(envelopeOf(delivery));
      const timestamp = Math.floor(Date.now() / 1000);
      return await postWebhook({
        url,
        target: address,
        headers: webhookHeaders(target.secrets, { id: delivery.eventId, timestamp, body }),
        body,
        timeoutMs: this.env.WEBHOOK_TIMEOUT_MS,
      });
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
