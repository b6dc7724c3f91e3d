import { Module } from '@nestjs/common';
import { ConversationTagsController, TagsController } from './tags.controller';
import { TagsService } from './tags.service';

@Module({ controllers: [TagsController, ConversationTagsController], providers: [TagsService] })
export class TagsModule {}
