import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicPass, SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';

const EVERY_MS = 10 * 60_000;
// Rows one statement deletes, so a long backlog never holds one long transaction.
const BATCH = 5_000;

/** Keeps the webhook event log to WEBHOOK_EVENT_RETENTION_DAYS (their deliveries go with them). */
@Injectable()
export class WebhookEventLogPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookEventLogPruner.name);
  private readonly pass = new PeriodicPass(() => this.prune(), {
    everyMs: EVERY_MS,
    logger: this.logger,
    failure: 'webhook event log not pruned',
  });

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    @Inject(SERVICE_ENV) private readonly env: GatewayEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.pass.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.pass.stop();
  }

  async prune(): Promise<void> {
    const before = new Date(Date.now() - this.env.WEBHOOK_EVENT_RETENTION_DAYS * 86_400_000);
    while ((await this.deliveries.pruneEvents(before, BATCH)) === BATCH);
  }
}
