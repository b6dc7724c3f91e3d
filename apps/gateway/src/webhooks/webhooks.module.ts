import { Module } from '@nestjs/common';
import { ApiDeliveryReports } from '../api-channel/api-delivery-reports';
import { GATEWAY_SECRET_BOX } from '../api-channel/gateway-secret-box';
import { AsyncApiController } from './asyncapi.controller';
import { DeliveryTargets } from './delivery-targets';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEventLogPruner } from './webhook-event-log-pruner';
import { WebhookEventsHandler } from './webhook-events.handler';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Outbound webhooks: subscriptions, the event log, deliveries and their sweep, the catalog. */
@Module({
  controllers: [WebhooksController, AsyncApiController],
  providers: [
    WebhooksService,
    WebhookSubscriptionsRepository,
    WebhookDeliveriesRepository,
    WebhookEventsHandler,
    WebhookDispatcher,
    DeliveryTargets,
    ApiDeliveryReports,
    WebhookEventLogPruner,
    GATEWAY_SECRET_BOX,
  ],
})
export class WebhooksModule {}
