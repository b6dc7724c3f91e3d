import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Min } from 'class-validator';
import { Channel, ContentType, MessageDirection, SenderType } from '@hub/domain';
import { IsEntityId } from '../common/validators';

/**
 * `evt.conversation.message.created.v1` (EVENTS stream): a message is stored, published after
 * the commit with `Nats-Msg-Id` = `eventId`.
 */
export class MessageCreated {
  /** Unique per message; the same on every re-publication. */
  @IsString()
  eventId!: string;

  @IsEntityId()
  workspaceId!: string;

  @IsEntityId()
  conversationId!: string;

  @IsEntityId()
  messageId!: string;

  @IsEntityId()
  inboxId!: string;

  @IsEntityId()
  customerId!: string;

  @IsIn(Object.values(Channel))
  channel!: Channel;

  /** The customer's id on the channel: where a reply goes (visitor id, address...). */
  @IsString()
  customerExternalId!: string;

  /** The agent owning the conversation when the message was stored. */
  @IsOptional()
  @IsEntityId()
  assigneeId?: string;

  @IsOptional()
  @IsString()
  clientMessageId?: string;

  /** Gap-free position of the message in its conversation, from 1. */
  @IsInt()
  @Min(1)
  seq!: number;

  @IsIn(Object.values(MessageDirection))
  direction!: MessageDirection;

  @IsIn(Object.values(SenderType))
  senderType!: SenderType;

  @IsOptional()
  @IsEntityId()
  senderId?: string;

  @IsString()
  content!: string;

  @IsIn(Object.values(ContentType))
  contentType!: ContentType;

  @IsISO8601()
  createdAt!: string;

  /** True when this message opened (or reopened) the conversation. */
  @IsBoolean()
  conversationOpened!: boolean;
}

export function messageCreatedEventId(messageId: string): string {
  return `conversation.message.created:${messageId}`;
}
