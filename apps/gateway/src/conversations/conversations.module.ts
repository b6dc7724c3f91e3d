import { Module } from '@nestjs/common';
import { AgentMessageLimit } from './agent-message-limit';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';

@Module({
  controllers: [ConversationsController],
  providers: [ConversationsService, AgentMessageLimit],
  exports: [ConversationsService],
})
export class ConversationsModule {}
