import { runService } from '@hub/service-kit';
import { FilesModule } from '@hub/storage';
import { ConnectorEmailEnv } from './connector-email.env';
import { InboundMailModule } from './inbound-mail.module';
import { OutboundMailModule } from './outbound-mail.module';

// The email edge: SMTP in on SMTP_PORT (default 2525), replies out through SMTP_RELAY_URL,
// health and metrics on PORT.
void runService({
  service: 'connector-email',
  envSchema: ConnectorEmailEnv,
  entities: [],
  features: [FilesModule, InboundMailModule, OutboundMailModule],
});
