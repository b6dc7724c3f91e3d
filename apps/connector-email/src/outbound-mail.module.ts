import { Module } from '@nestjs/common';
import { DeliveryReports } from './outbound/delivery-reports';
import { InboxRelays } from './outbound/inbox-relays';
import { SendReplyHandler } from './outbound/send-reply.handler';

/** Outbound mail: agents' replies sent through the SMTP relay, and what became of them. */
@Module({
  providers: [DeliveryReports, InboxRelays, SendReplyHandler],
  exports: [DeliveryReports],
})
export class OutboundMailModule {}
