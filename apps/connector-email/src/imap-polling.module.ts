import { Module } from '@nestjs/common';
import { ImapCursors } from './imap/imap-cursors';
import { ImapPolling } from './imap/imap-polling';
import { InboundMailModule } from './inbound-mail.module';

/** Mail of inboxes hosted elsewhere, polled over IMAP and taken in like mail over SMTP. */
@Module({
  imports: [InboundMailModule],
  providers: [ImapCursors, ImapPolling],
})
export class ImapPollingModule {}
