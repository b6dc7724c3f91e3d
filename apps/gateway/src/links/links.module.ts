import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { LinksController } from './links.controller';
import { LinksService } from './links.service';

@Module({
  imports: [ConversationsModule],
  controllers: [LinksController],
  providers: [LinksService],
  exports: [LinksService],
})
export class LinksModule {}
