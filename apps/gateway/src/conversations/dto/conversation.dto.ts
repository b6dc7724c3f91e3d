import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLIENT_MESSAGE_ID_PATTERN,
  CONVERSATION_LIST_VIEWS,
  IsAfterSeq,
  IsClientMessageId,
  IsEmailAddress,
  IsEntityId,
  IsMessageContentOrCaption,
  IsPageSize,
  IsStorableText,
  MAX_CONVERSATION_PAGE,
  SLA_ALERT_STANDINGS,
  TRANSCRIPT_LANGUAGES,
  WhatsAppTemplate,
  type TranscriptLanguage,
  type ConversationListView,
  type SlaAlertStanding,
} from '@hub/contracts';
import { Type } from 'class-transformer';
import {
  CHANNELS,
  CONVERSATION_STATUSES,
  PRIORITIES,
  type Channel,
  type ConversationStatus,
  type Priority,
} from '@hub/domain';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageCursorQuery, SlaDueWithinQuery } from '../../api/list-query';
import { IsAbsentWhen, IsQueryInteger } from '../../api/validators';

// REST bodies and queries; the agent socket's frames extend the same classes, so both doors
// validate a request the same way. The validator stacks come from @hub/contracts.

export class ConversationParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  conversationId!: string;
}

export class ListConversationsQuery {
  @ApiProperty({
    enum: CONVERSATION_LIST_VIEWS,
    description: 'mine: assigned to me; unassigned: waiting; all: the workspace',
  })
  @IsIn(CONVERSATION_LIST_VIEWS)
  view!: ConversationListView;

  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES })
  @IsOptional()
  @IsIn(CONVERSATION_STATUSES)
  status?: ConversationStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsEntityId()
  departmentId?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only conversations with this tag' })
  @IsOptional()
  @IsEntityId()
  tagId?: string;

  @ApiPropertyOptional({
    enum: SLA_ALERT_STANDINGS,
    description:
      'Only conversations whose SLA is breached (an open clock passed its due time) or at risk (one used 75 % of its target); among the 1,000 soonest due',
  })
  @IsOptional()
  @IsIn(SLA_ALERT_STANDINGS)
  sla?: SlaAlertStanding;

  @ApiPropertyOptional({
    maxLength: 100,
    description:
      "Search: any part of a message's text or of the customer's id on the channel (Chinese and Japanese too), or the start of the customer's name, email or phone",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsStorableText()
  q?: string;

  @SlaDueWithinQuery('conversations')
  slaDueWithin?: number;

  @PageCursorQuery()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CONVERSATION_PAGE, default: 50 })
  @IsPageSize(MAX_CONVERSATION_PAGE)
  @IsQueryInteger()
  limit?: number;
}

export class MarkReadBody {
  @ApiPropertyOptional({
    minimum: 0,
    description:
      'Read up to this seq (default: the last message); a read position never moves back',
  })
  @IsAfterSeq()
  seq?: number;
}

export class ListMessagesQuery {
  @ApiPropertyOptional({
    minimum: 0,
    default: 0,
    description: 'Only messages with seq greater than this',
  })
  @IsAfterSeq()
  @IsQueryInteger()
  afterSeq?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsPageSize(500)
  @IsQueryInteger()
  limit?: number;
}

export class SendMessageBody {
  @ApiProperty({
    pattern: CLIENT_MESSAGE_ID_PATTERN.source,
    description: "The client's own id for the message: a resend with the same id is stored once",
  })
  @IsClientMessageId()
  clientMessageId!: string;

  @ApiProperty({ maxLength: 20_000, description: 'May be "" when fileId is given' })
  @IsMessageContentOrCaption('fileId')
  content!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A file uploaded by an agent of the workspace (POST /api/v1/uploads)',
  })
  @IsOptional()
  @IsEntityId()
  fileId?: string;

  @ApiPropertyOptional({
    type: WhatsAppTemplate,
    description:
      'WhatsApp: an approved template sent instead of the text (required 24 hours after the ' +
      "customer's last message, WHATSAPP_WINDOW_CLOSED otherwise); content then says what it reads",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WhatsAppTemplate)
  template?: WhatsAppTemplate;
}

export class AssignBody {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Omitted (or my own id): I take it from the queue. Another agent: supervisors and admins only',
  })
  @IsOptional()
  @IsEntityId()
  agentId?: string;
}

export class TransferBody {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Exactly one of toAgentId and toDepartmentId',
  })
  // Validated when given, and when neither target is: then this is the error that names the rule.
  @ValidateIf(
    (body: TransferBody) => body.toAgentId !== undefined || body.toDepartmentId === undefined,
  )
  @IsUUID('all', { message: 'toAgentId must be a UUID (give toAgentId or toDepartmentId)' })
  toAgentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The department's queue it joins" })
  @IsOptional()
  @IsEntityId()
  @IsAbsentWhen('toAgentId', { message: 'give toAgentId or toDepartmentId, not both' })
  toDepartmentId?: string;
}

export class TranscriptMailBody {
  @ApiProperty({ format: 'email', description: 'Where the transcript goes: the customer' })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ enum: TRANSCRIPT_LANGUAGES, description: 'The language the mail is written in' })
  @IsIn(TRANSCRIPT_LANGUAGES)
  language!: TranscriptLanguage;
}
