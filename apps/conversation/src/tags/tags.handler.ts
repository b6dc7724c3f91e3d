import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ConversationTagsRequest,
  CreateTagRequest,
  DeleteTagRequest,
  ListTagsRequest,
  SetConversationTagRequest,
  SUBJECTS,
  UpdateTagRequest,
  type TagView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { Tags } from './tags';

@Controller()
export class TagsHandler {
  constructor(private readonly tags: Tags) {}

  @RequestPattern(SUBJECTS.conversation.listTags)
  list(@Payload() request: ListTagsRequest): Promise<TagView[]> {
    return this.tags.list(request.workspaceId);
  }

  @RequestPattern(SUBJECTS.conversation.createTag)
  create(@Payload() request: CreateTagRequest): Promise<TagView> {
    return this.tags.create(request);
  }

  @RequestPattern(SUBJECTS.conversation.updateTag)
  update(@Payload() request: UpdateTagRequest): Promise<TagView> {
    return this.tags.update(request);
  }

  @RequestPattern(SUBJECTS.conversation.deleteTag)
  delete(@Payload() request: DeleteTagRequest): Promise<TagView> {
    return this.tags.delete(request);
  }

  @RequestPattern(SUBJECTS.conversation.conversationTags)
  ofConversation(@Payload() request: ConversationTagsRequest): Promise<TagView[]> {
    return this.tags.ofConversation(request.workspaceId, request.conversationId);
  }

  @RequestPattern(SUBJECTS.conversation.setConversationTag)
  set(@Payload() request: SetConversationTagRequest): Promise<TagView[]> {
    return this.tags.set(request);
  }
}
