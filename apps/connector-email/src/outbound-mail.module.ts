import { Module } from '@nestjs/common';
import { DeliveryReports } from './outbound/delivery-reports';
import { SendReplyHandler } from './outbound/send-reply.handler';

/** Outbound mail: agents' replies sent through the SMTP relay, and what became of them. */
@Module({
  providers: [DeliveryReports, SendReplyHandler],
  exports: [DeliveryReports],
})
export class OutboundMailModule {}
