import { IsBoolean, IsIn, IsOptional, ValidateIf } from 'class-validator';
import { CHANNELS, type Channel } from '@hub/domain';
import { IsEntityId, IsExternalId } from '../common/validators';
import { ConversationEventBase } from './conversation-event';

/**
 * `evt.conversation.conversation.opened.v1`: a customer message opened a new conversation or
 * reopened a resolved one, and it waits for an agent; or a visitor accepted an agent's
 * invitation, and it opened already assigned to that agent (`assigneeId`).
 */
export class ConversationOpened extends ConversationEventBase {
  @IsEntityId() inboxId!: string;
  @IsIn(CHANNELS) channel!: Channel;
  @IsEntityId() customerId!: string;
  @IsExternalId() customerExternalId!: string;
  @ValidateIf((_, v) => v !== null) @IsEntityId() departmentId!: string | null;
  @IsBoolean() reopened!: boolean;
  /**
   * The customer is a VIP, when the conversation service learned it from crm as it opened the
   * conversation (first contact on the identity). Absent: unknown, and routing asks crm.
   */
  @IsOptional() @IsBoolean() vip?: boolean;
  /**
   * The agent it opened assigned to (the agent whose invitation the visitor accepted): routing
   * records it as theirs and counts it on their load instead of queueing it. Absent: it waits.
   */
  @IsOptional() @IsEntityId() assigneeId?: string;
}
