import { Module } from '@nestjs/common';
import { AcdModule } from '../acd/acd.module';
import { PickConversation } from './pick-conversation.use-case';
import { QueueHandler } from './queue.handler';
import { QueueService } from './queue.service';
import { TransferConversation } from './transfer-conversation.use-case';

@Module({
  imports: [AcdModule],
  controllers: [QueueHandler],
  providers: [QueueService, PickConversation, TransferConversation],
})
export class QueueModule {}
