import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AgentView,
  CannedResponseView,
  ConversationView,
  CsatView,
  CustomerView,
  DepartmentView,
  MessageView,
  QueueEntryView,
} from '@hub/contracts';
import {
  AGENT_PRESENCES,
  AGENT_ROLES,
  CHANNELS,
  CONTENT_TYPES,
  CONVERSATION_STATUSES,
  MESSAGE_DIRECTIONS,
  PRIORITIES,
  SENDER_TYPES,
  type AgentPresence,
  type AgentRole,
  type Channel,
  type ContentType,
  type ConversationStatus,
  type MessageDirection,
  type Priority,
  type SenderType,
} from '@hub/domain';

// OpenAPI schemas of the views the API returns. The views themselves are interfaces in
// @hub/contracts; `implements` keeps these documentation classes in step with them.

export class FieldErrorSchema {
  @ApiProperty({ example: 'content' }) field!: string;
  @ApiProperty({ example: 'content should not be empty' }) message!: string;
}

export class ErrorBodySchema {
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Machine-readable reason' })
  code!: string;
  @ApiProperty({ example: 'Invalid request: content should not be empty' }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'Present on VALIDATION_FAILED' })
  fieldErrors?: FieldErrorSchema[];
  @ApiPropertyOptional({
    example: 30_000,
    description: 'Present on RATE_LIMITED: milliseconds until the request is admitted again',
  })
  retryAfterMs?: number;
}

export class AgentViewSchema implements AgentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uri',
    description: "The agent's picture (http or https), shown to visitors",
  })
  avatarUrl!: string | null;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ enum: AGENT_ROLES }) role!: AgentRole;
  @ApiProperty({ description: 'false once an admin removed the agent' }) active!: boolean;
  @ApiProperty() maxConcurrentChats!: number;
  @ApiProperty({ enum: AGENT_PRESENCES }) presence!: AgentPresence;
  @ApiProperty({ description: 'Conversations assigned to the agent and not yet resolved' })
  activeChats!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) departmentIds!: string[];
}

export class DepartmentViewSchema implements DepartmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) agentIds!: string[];
  @ApiProperty({ description: 'Conversations of this department waiting for an agent' })
  queueLength!: number;
}

export class QueueEntryViewSchema implements QueueEntryView {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ description: '1 is next' }) position!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Rough wait in seconds: position × median handling time of the last 50 conversations of ' +
      'the queue (7 days) / chat slots of its agents online; null without history or agents',
  })
  estimatedWaitSeconds!: number | null;
  @ApiProperty({ format: 'date-time' }) enqueuedAt!: string;
}

export class CsatViewSchema implements CsatView {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
}

export class ConversationViewSchema implements ConversationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty({ format: 'uuid' }) inboxId!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ description: "The customer's id on the channel (visitor id, email address...)" })
  customerExternalId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty({ enum: CONVERSATION_STATUSES }) status!: ConversationStatus;
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty({ description: 'Sequence number of the last message (0 when none)' })
  lastSeq!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstResponseAt!:
    string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({
    type: CsatViewSchema,
    nullable: true,
    description: "The customer's rating, once given (a later rating replaces it)",
  })
  csat!: CsatViewSchema | null;
}

export class MessageViewSchema implements MessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ description: 'Gap-free position in the conversation, from 1' }) seq!: number;
  @ApiProperty({ enum: MESSAGE_DIRECTIONS }) direction!: MessageDirection;
  @ApiProperty({ enum: SENDER_TYPES }) senderType!: SenderType;
  @ApiPropertyOptional({ format: 'uuid', description: "The agent's id for agent messages" })
  senderId?: string;
  @ApiProperty() content!: string;
  @ApiProperty({ enum: CONTENT_TYPES }) contentType!: ContentType;
  @ApiPropertyOptional({ description: "The sender client's own id for the message" })
  clientMessageId?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CustomerIdentitySchema {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({
    enum: ['channel', 'site-user'],
    description:
      "channel: the id on the channel; site-user: the website's id for its logged-in user",
  })
  kind!: 'channel' | 'site-user';
  @ApiProperty() externalId!: string;
  @ApiProperty({ description: 'The channel (or an agent) verified the person controls it' })
  verified!: boolean;
}

export class CustomerViewSchema implements CustomerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty() phoneVerified!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'ja-JP' }) locale!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Asia/Tokyo' }) timeZone!: string | null;
  @ApiProperty({ nullable: true, type: String }) avatarUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) company!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ description: 'VIP customers are routed first' }) vip!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) attributes!: Record<string, unknown>;
  @ApiProperty({ type: [CustomerIdentitySchema] }) identities!: CustomerIdentitySchema[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CannedResponseViewSchema implements CannedResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'hello' }) shortcut!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId!: string | null;
}
