import { ServiceEnv } from '@hub/config';
import { runService } from '@hub/service-kit';
import { conversationEntities } from './conversation.entities';
import { ConversationsModule } from './conversations/conversations.module';

void runService({
  service: 'conversation',
  envSchema: ServiceEnv,
  entities: conversationEntities,
  features: [ConversationsModule],
});
