import { Body, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { NoteView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { ConversationParams } from '../conversations/dto/conversation.dto';
import { CustomerActivityService } from './customer-activity.service';
import { NoteSchema } from './customer-schemas';
import { NoteBody } from './dto/customer.dto';

const NOT_FOUND = { status: 404, description: 'CONVERSATION_NOT_FOUND' };

// Notes live on the customer record in crm; a conversation note also names its conversation.
@ApiController('conversations', 'conversations')
export class ConversationNotesController {
  constructor(private readonly activity: CustomerActivityService) {}

  @Get(':conversationId/notes')
  @ApiOperation({ summary: "Agents' notes on the conversation, newest first" })
  @ApiOkResponse({ type: [NoteSchema] })
  @ApiErrors(NOT_FOUND)
  list(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
  ): Promise<NoteView[]> {
    return this.activity.conversationNotes(agent, conversationId);
  }

  @Post(':conversationId/notes')
  @ApiOperation({ summary: 'Write a note on the conversation (agents see it, the customer never)' })
  @ApiCreatedResponse({ type: NoteSchema })
  @ApiErrors(NOT_FOUND)
  add(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { conversationId }: ConversationParams,
    @Body() { body }: NoteBody,
  ): Promise<NoteView> {
    return this.activity.addConversationNote(agent, conversationId, body);
  }
}
