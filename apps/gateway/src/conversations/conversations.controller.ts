import { Body, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type {
  ConversationListPage,
  ConversationReadView,
  ConversationView,
  EmailTranscriptReply,
  MessageView,
} from '@hub/contracts';
import { AttachmentUrlsInterceptor } from '@hub/storage';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import {
  ConversationListPageSchema,
  ConversationReadViewSchema,
  ConversationViewSchema,
  MessageViewSchema,
} from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { ConversationsService } from './conversations.service';
import {
  AssignBody,
  ConversationParams,
  ListConversationsQuery,
  ListMessagesQuery,
  MarkReadBody,
  SendMessageBody,
  TranscriptMailBody,
  TransferBody,
} from './dto/conversation.dto';

const NOT_FOUND = {
  status: 404,
  description: 'CONVERSATION_NOT_FOUND (also for a conversation of another workspace)',
};
const FORBIDDEN = { status: 403, description: 'AUTH_FORBIDDEN: the role does not allow it' };
const NOT_YOURS = {
  status: 403,
  description:
    'CONVERSATION_NOT_ASSIGNED_TO_YOU: agents act only on conversations assigned to them ' +
    '(a resolved one: to them when it was resolved); supervisors and admins on any',
};
const CONFLICT = {
  status: 409,
  description: 'The conversation changed meanwhile or is in a state that does not allow it',
};
const RATE_LIMITED = {
  status: 429,
  description: "RATE_LIMITED: past the agent's replies per second or minute; see Retry-After",
};

@ApiController('conversations', 'conversations')
// Messages' attachments get fresh signed links in every answer.
@UseInterceptors(AttachmentUrlsInterceptor)
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  @ApiOperation({
    summary: 'List conversations: mine, unassigned or all, newest activity first',
    description:
      'Every filter given must hold. Each conversation comes with your unread count (the ' +
      "customer's messages after your read position, counted up to 100) and its tags. A page " +
      'at a time (newest activity first, then id): pass `nextCursor` as `cursor` for the next.',
  })
  @ApiOkResponse({ type: ConversationListPageSchema })
  list(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Query() query: ListConversationsQuery,
  ): Promise<ConversationListPage> {
    return this.conversations.list(agent, query);
  }

  @Post(':conversationId/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'I have read it (to seq, or all of it): my unread count resets' })
  @ApiOkResponse({ type: ConversationReadViewSchema })
  @ApiErrors(NOT_FOUND)
  markRead(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
    @Body() body: MarkReadBody,
  ): Promise<ConversationReadView> {
    return this.conversations.markRead(agent, conversationId, body);
  }

  @Get(':conversationId')
  @ApiOperation({ summary: 'One conversation' })
  @ApiOkResponse({ type: ConversationViewSchema })
  @ApiErrors(NOT_FOUND)
  get(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
  ): Promise<ConversationView> {
    return this.conversations.get(agent, conversationId);
  }

  @Get(':conversationId/messages')
  @ApiOperation({ summary: 'Messages with seq greater than afterSeq, in order' })
  @ApiOkResponse({ type: [MessageViewSchema] })
  @ApiErrors(NOT_FOUND)
  messages(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
    @Query() query: ListMessagesQuery,
  ): Promise<MessageView[]> {
    return this.conversations.messages(agent, conversationId, query);
  }

  @Post(':conversationId/messages')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reply; a resend with the same clientMessageId returns the stored message',
  })
  @ApiOkResponse({ type: MessageViewSchema })
  @ApiErrors(NOT_FOUND, FORBIDDEN, CONFLICT, RATE_LIMITED)
  send(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
    @Body() body: SendMessageBody,
  ): Promise<MessageView> {
    return this.conversations.send(agent, conversationId, body);
  }

  @Post(':conversationId/assign')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Take it from the queue (no agentId), or assign it to another agent (supervisor, admin)',
  })
  @ApiOkResponse({ type: ConversationViewSchema })
  @ApiErrors(NOT_FOUND, FORBIDDEN, CONFLICT)
  assign(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
    @Body() body: AssignBody,
  ): Promise<ConversationView> {
    return this.conversations.assign(agent, conversationId, body);
  }

  @Post(':conversationId/transfer')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Transfer to an agent or a department's queue (own conversations; anyone's for supervisors)",
  })
  @ApiOkResponse({ type: ConversationViewSchema })
  @ApiErrors(NOT_FOUND, FORBIDDEN, CONFLICT)
  transfer(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
    @Body() body: TransferBody,
  ): Promise<ConversationView> {
    return this.conversations.transfer(agent, conversationId, body);
  }

  @Post(':conversationId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve (the assignee, or a supervisor or admin)' })
  @ApiOkResponse({ type: ConversationViewSchema })
  @ApiErrors(NOT_FOUND, NOT_YOURS, CONFLICT)
  resolve(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
  ): Promise<ConversationView> {
    return this.conversations.resolve(agent, conversationId);
  }

  @Post(':conversationId/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen a resolved conversation (it goes back to the queue)',
    description:
      'Allowed to the agent it was assigned to when resolved, and to supervisors and admins. ' +
      'A conversation resolved while nobody had it (from the queue) only supervisors and ' +
      'admins may reopen.',
  })
  @ApiOkResponse({ type: ConversationViewSchema })
  @ApiErrors(NOT_FOUND, NOT_YOURS, CONFLICT)
  reopen(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
  ): Promise<ConversationView> {
    return this.conversations.reopen(agent, conversationId);
  }

  @Post(':conversationId/transcript-mails')
  @HttpCode(202)
  @ApiOperation({
    summary: "Mail the conversation's transcript to the customer",
    description:
      'Written in `language`, sent from the conversation’s email inbox (or the one answering ' +
      'the web inbox’s left messages) like a reply: a system message records it, and its ' +
      '`deliveryStatus` turns `sent` or `failed` as the relay answers. 409 ' +
      'TRANSCRIPT_UNAVAILABLE when the workspace has no email inbox.',
  })
  @ApiAcceptedResponse({
    description: 'The system message recording the request',
    schema: { type: 'object', properties: { messageId: { type: 'string', format: 'uuid' } } },
  })
  @ApiErrors(NOT_FOUND, NOT_YOURS, CONFLICT, RATE_LIMITED)
  mailTranscript(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
    @Body() body: TranscriptMailBody,
  ): Promise<EmailTranscriptReply> {
    return this.conversations.mailTranscript(agent, conversationId, body);
  }
}
