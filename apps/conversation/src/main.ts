import { ServiceEnv } from '@hub/config';
import { OutboxModule } from '@hub/outbox';
import { runService } from '@hub/service-kit';
import { conversationEntities } from './conversation.entities';
import { ConversationsModule } from './conversations/conversations.module';
import { PrivacyModule } from './privacy/privacy.module';
import { CustomerTimelineModule } from './customer-timeline/customer-timeline.module';

void runService({
  service: 'conversation',
  envSchema: ServiceEnv,
  entities: conversationEntities,
  features: [
    OutboxModule.forSchema('conversation'),
    ConversationsModule,
    PrivacyModule,
    CustomerTimelineModule,
  ],
});
