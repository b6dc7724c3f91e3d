import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENT_LOCALES,
  TAG_COLOUR_PATTERN,
  type AgentView,
  type CannedResponseView,
  type ConversationListItem,
  type ConversationListPage,
  type ConversationReadView,
  type ConversationView,
  type CsatView,
  type CustomerMergeView,
  type CustomerView,
  type DepartmentView,
  type LiveAgentFigures,
  type LiveFiguresView,
  type LiveQueueFigures,
  type MessageView,
  type QueueEntryView,
  type TagView,
  type WorkspaceSettingsView,
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
  @ApiProperty({ enum: AGENT_LOCALES, description: "The inbox app's language for the agent" })
  locale!: string;
}

export class DepartmentViewSchema implements DepartmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) agentIds!: string[];
  @ApiProperty({ description: 'Conversations of this department waiting for an agent' })
  queueLength!: number;
  @ApiProperty({ description: 'Reserved for VIP customers' }) vipOnly!: boolean;
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
  @ApiProperty({ description: "A VIP customer's conversation (VIPs wait first)" }) vip!: boolean;
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

export class TagViewSchema implements TagView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'VIP' }) name!: string;
  @ApiProperty({ example: '#c0392b', pattern: TAG_COLOUR_PATTERN.source }) colour!: string;
}

export class ConversationListItemSchema
  extends ConversationViewSchema
  implements ConversationListItem
{
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description: "The customer's messages after your read position (counted up to 100)",
  })
  unreadCount!: number;
  @ApiProperty({ type: [TagViewSchema] }) tags!: TagViewSchema[];
}

export class ConversationListPageSchema implements ConversationListPage {
  @ApiProperty({ type: [ConversationListItemSchema] }) items!: ConversationListItemSchema[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

export class ConversationReadViewSchema implements ConversationReadView {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ description: 'The seq read up to' }) lastReadSeq!: number;
  @ApiProperty() unreadCount!: number;
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

export class CustomerMergeViewSchema implements CustomerMergeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty({ format: 'uuid', description: 'The surviving customer' }) customerId!: string;
  @ApiProperty({ format: 'uuid', description: 'The customer merged into it' })
  mergedCustomerId!: string;
  @ApiProperty({
    description: 'Per crm table (crm.orders...), how many rows moved',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 'crm.customer_identities': 2, 'crm.orders': 14 },
  })
  moved!: Record<string, number>;
  @ApiProperty({ description: 'How many conversations moved' })
  conversationsMoved!: number;
  @ApiProperty({
    description: 'The conversation service has not done its part yet; crm retries until it has',
  })
  conversationsPending!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) mergedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) mergedAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) undoneBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) undoneAt!: string | null;
}

export class CannedResponseViewSchema implements CannedResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'hello' }) shortcut!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ enum: ['shared', 'personal'] }) scope!: 'shared' | 'personal';
}

export class WorkspaceSettingsSchema implements WorkspaceSettingsView {
  @ApiProperty() typingSneakPeek!: boolean;
  @ApiProperty({ example: 'UTC' }) timeZone!: string;
  @ApiProperty() ticketReopenWindowDays!: number;
  @ApiProperty({ type: [String] }) maskingPatterns!: string[];
  @ApiProperty({ type: Number, nullable: true }) retentionDays!: number | null;
  @ApiProperty() webhooksAllowPrivateTargets!: boolean;
}

export class CustomerExportSchema {
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({
    description: '{ customer: row, tables: { "crm.orders": rows, ... } }',
    type: 'object',
    additionalProperties: true,
  })
  crm!: Record<string, unknown>;
  @ApiProperty({
    description: 'Conversation rows, each with `messages`',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  conversations!: Record<string, unknown>[];
  @ApiProperty({
    description: '{ "web.visits": rows, ... }',
    type: 'object',
    additionalProperties: true,
  })
  web!: Record<string, unknown>;
}

export class CustomerErasureSchema {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ format: 'uuid', description: 'The admin who asked' }) requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time' }) completedAt!: string;
  @ApiProperty({
    description: 'Table → rows deleted or anonymised by this request',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  erased!: Record<string, number>;
}

export class LiveQueueFiguresSchema implements LiveQueueFigures {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null: the workspace-wide queue',
  })
  departmentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty() vipOnly!: boolean;
  @ApiProperty({ description: 'Conversations waiting for an agent' }) waiting!: number;
  @ApiProperty({ description: 'Of them, conversations of VIP customers' }) vipWaiting!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Seconds since the longest-waiting conversation joined the queue; null when none waits',
  })
  longestWaitSeconds!: number | null;
}

export class LiveAgentFiguresSchema implements LiveAgentFigures {
  @ApiProperty({ format: 'uuid' }) agentId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AGENT_PRESENCES }) presence!: AgentPresence;
  @ApiProperty() activeChats!: number;
  @ApiProperty() maxConcurrentChats!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) departmentIds!: string[];
}

export class LiveFiguresViewSchema implements LiveFiguresView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    type: [LiveQueueFiguresSchema],
    description: 'Every department by name, then the workspace-wide queue',
  })
  queues!: LiveQueueFigures[];
  @ApiProperty({ type: Number, nullable: true }) longestWaitSeconds!: number | null;
  @ApiProperty({ description: 'Agents online (taking conversations)' }) agentsOnline!: number;
  @ApiProperty({
    type: [LiveAgentFiguresSchema],
    description: 'Agents online or away, with their load',
  })
  agents!: LiveAgentFigures[];
}
