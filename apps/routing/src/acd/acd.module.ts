import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { AssignmentApplier } from './assignment-applier';
import { ConversationEventsHandler } from './conversation-events.handler';
import { ConversationLifecycle } from './conversation-lifecycle.use-case';
import { CustomerVip } from './customer-vip';
import { RealtimePublisher } from './realtime-publisher';
import { RoutingTransactions } from './routing-transactions';

/** The assignment engine: locked decisions, their application, the conversation events. */
@Module({
  imports: [SlaModule],
  providers: [
    RealtimePublisher,
    AssignmentApplier,
    RoutingTransactions,
    CustomerVip,
    ConversationLifecycle,
    ConversationEventsHandler,
  ],
  exports: [RoutingTransactions, AssignmentApplier],
})
export class AcdModule {}
