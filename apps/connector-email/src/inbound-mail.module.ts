import { Module } from '@nestjs/common';
import { EmailInboxLookup } from './inboxes/email-inbox-lookup';
import { IngestMail } from './ingest/ingest-mail.use-case';
import { MailFiles } from './ingest/mail-files';
import { SmtpListener } from './smtp/smtp-listener';
import { OutboundMailModule } from './outbound-mail.module';
import { MailParsers } from './parsing/mail-parsers';
import { SmtpSessionHandlers } from './smtp/smtp-session-handlers';

/** Inbound mail: the SMTP server, and turning what it accepts into `inbound.email` messages. */
@Module({
  // Bounces of our replies come in by SMTP and are reported like any delivery failure.
  imports: [OutboundMailModule],
  providers: [
    MailParsers,
    EmailInboxLookup,
    MailFiles,
    IngestMail,
    SmtpSessionHandlers,
    SmtpListener,
  ],
  exports: [IngestMail],
})
export class InboundMailModule {}
