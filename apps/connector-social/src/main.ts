import { RateLimitsModule } from '@hub/rate-limits';
import { runService } from '@hub/service-kit';
import { FilesModule } from '@hub/storage';
import { ConnectorSocialEnv } from './connector-social.env';
import { OutboundModule } from './outbound.module';
import { rawWebhookBodies } from './webhooks/raw-body';
import { WebhooksModule } from './webhooks.module';

// The social platforms' edge: their webhooks in (/webhooks/meta, /webhooks/telegram/:inboxId,
// /webhooks/line/:inboxId) and agents' replies out through their send APIs.
void runService({
  service: 'connector-social',
  envSchema: ConnectorSocialEnv,
  entities: [],
  features: [
    FilesModule,
    RateLimitsModule.forRoot({ schema: 'social' }),
    OutboundModule,
    WebhooksModule,
  ],
  // Before Nest's JSON parser: signatures are over the raw bytes.
  configureHttp: (app, env) => {
    app.use('/webhooks', rawWebhookBodies(env.SOCIAL_MAX_WEBHOOK_BYTES));
  },
});
