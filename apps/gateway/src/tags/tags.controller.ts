import { Body, Delete, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { TagView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { TagViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { ConversationParams } from '../conversations/dto/conversation.dto';
import { ConversationTagParams, CreateTagBody, TagParams, UpdateTagBody } from './tag.dto';
import { TagsService } from './tags.service';

const ADMIN_ONLY = { status: 403, description: 'AUTH_FORBIDDEN: admins only' };
const NOT_FOUND = { status: 404, description: 'TAG_NOT_FOUND (also for another workspace’s)' };
const TAKEN = { status: 409, description: 'TAG_NAME_TAKEN (in any case)' };

/** The workspace's conversation tags: every agent reads them, admins change them. */
@ApiController('tags', 'tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @ApiOperation({ summary: "The workspace's tags, by name" })
  @ApiOkResponse({ type: [TagViewSchema] })
  list(@CurrentAgent() agent: AuthenticatedAgent): Promise<TagView[]> {
    return this.tags.list(agent);
  }

  @Post()
  @ApiOperation({ summary: 'Admin only: add a tag' })
  @ApiCreatedResponse({ type: TagViewSchema })
  @ApiErrors(ADMIN_ONLY, TAKEN)
  create(@CurrentAgent() agent: AuthenticatedAgent, @Body() body: CreateTagBody): Promise<TagView> {
    return this.tags.create(agent, body);
  }

  @Patch(':tagId')
  @ApiOperation({ summary: 'Admin only: rename a tag or change its colour' })
  @ApiOkResponse({ type: TagViewSchema })
  @ApiErrors(ADMIN_ONLY, NOT_FOUND, TAKEN)
  update(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { tagId }: TagParams,
    @Body() body: UpdateTagBody,
  ): Promise<TagView> {
    return this.tags.update(agent, tagId, body);
  }

  @Delete(':tagId')
  @ApiOperation({ summary: 'Admin only: delete a tag (it leaves every conversation it was on)' })
  @ApiOkResponse({ type: TagViewSchema })
  @ApiErrors(ADMIN_ONLY, NOT_FOUND)
  remove(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { tagId }: TagParams,
  ): Promise<TagView> {
    return this.tags.remove(agent, tagId);
  }
}

const CONVERSATION_NOT_FOUND = {
  status: 404,
  description: 'CONVERSATION_NOT_FOUND, TAG_NOT_FOUND',
};

/** Tags on one conversation: any agent of the workspace puts them on and takes them off. */
@ApiController('conversations', 'conversations')
export class ConversationTagsController {
  constructor(private readonly tags: TagsService) {}

  @Get(':conversationId/tags')
  @ApiOperation({ summary: "A conversation's tags, by name" })
  @ApiOkResponse({ type: [TagViewSchema] })
  @ApiErrors({ status: 404, description: 'CONVERSATION_NOT_FOUND' })
  list(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
  ): Promise<TagView[]> {
    return this.tags.ofConversation(agent, conversationId);
  }

  @Put(':conversationId/tags/:tagId')
  @ApiOperation({ summary: 'Tag the conversation (again: no change); answers its tags' })
  @ApiOkResponse({ type: [TagViewSchema] })
  @ApiErrors(CONVERSATION_NOT_FOUND)
  add(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() params: ConversationTagParams,
  ): Promise<TagView[]> {
    return this.tags.setOnConversation(agent, params, true);
  }

  @Delete(':conversationId/tags/:tagId')
  @ApiOperation({ summary: 'Take the tag off the conversation; answers its tags' })
  @ApiOkResponse({ type: [TagViewSchema] })
  @ApiErrors(CONVERSATION_NOT_FOUND)
  remove(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() params: ConversationTagParams,
  ): Promise<TagView[]> {
    return this.tags.setOnConversation(agent, params, false);
  }
}
