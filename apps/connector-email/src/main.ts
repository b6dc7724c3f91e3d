import { runService } from '@hub/service-kit';
import { FilesModule } from '@hub/storage';
import { ConnectorEmailEnv } from './connector-email.env';
import { ImapCursor } from './imap/imap-cursor.entity';
import { ImapPollingModule } from './imap-polling.module';
import { InboundMailModule } from './inbound-mail.module';
import { OutboundMailModule } from './outbound-mail.module';

// The email edge: SMTP in on SMTP_PORT (default 2525), replies out through SMTP_RELAY_URL,
// IMAP mailboxes hosted elsewhere polled every IMAP_POLL_INTERVAL_MS, health and metrics on PORT.
void runService({
  service: 'connector-email',
  envSchema: ConnectorEmailEnv,
  entities: [ImapCursor],
  features: [FilesModule, InboundMailModule, OutboundMailModule, ImapPollingModule],
});
