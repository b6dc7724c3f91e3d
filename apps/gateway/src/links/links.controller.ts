import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { MessageView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { MessageViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { ConversationParams } from '../conversations/dto/conversation.dto';
import { PushLinkBody } from './dto/push-link.dto';
import { LinksService } from './links.service';

@ApiController('conversations', 'conversations')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Post(':conversationId/links')
  @HttpCode(201)
  @ApiOperation({
    summary: "Push a link that opens in the visitor's browser",
    description:
      'Stored as an agent message with contentType "link" and the URL as content; the visitor ' +
      'receives it as message.created. Allowed as a reply is: to the assignee, supervisors ' +
      'and admins, into an active conversation, within the agent reply rate limit.',
  })
  @ApiCreatedResponse({ type: MessageViewSchema })
  @ApiErrors(
    { status: 404, description: 'CONVERSATION_NOT_FOUND' },
    { status: 403, description: 'CONVERSATION_NOT_ASSIGNED_TO_YOU' },
    { status: 409, description: 'CONVERSATION_ILLEGAL_TRANSITION: the conversation is resolved' },
    { status: 429, description: 'RATE_LIMITED' },
  )
  push(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
    @Body() body: PushLinkBody,
  ): Promise<MessageView> {
    return this.links.push(agent, conversationId, body);
  }
}
