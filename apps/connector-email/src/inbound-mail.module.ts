import { Module } from '@nestjs/common';
import { EmailInboxLookup } from './inboxes/email-inbox-lookup';
import { IngestMail } from './ingest/ingest-mail.use-case';
import { MailFiles } from './ingest/mail-files';
import { SmtpListener } from './smtp/smtp-listener';
import { SmtpSessionHandlers } from './smtp/smtp-session-handlers';

/** Inbound mail: the SMTP server, and turning what it accepts into `inbound.email` messages. */
@Module({
  providers: [EmailInboxLookup, MailFiles, IngestMail, SmtpSessionHandlers, SmtpListener],
})
export class InboundMailModule {}
