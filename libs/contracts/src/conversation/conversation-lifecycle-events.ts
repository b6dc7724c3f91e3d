import { IsBoolean, IsIn, IsISO8601, IsString, ValidateIf } from 'class-validator';
import { CHANNELS, type Channel } from '@hub/domain';
import { IsEntityId, IsExternalId } from '../common/validators';

class ConversationEventBase {
  /** Unique per fact; the `Nats-Msg-Id` it is published with. */
  @IsString() eventId!: string;
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsISO8601() occurredAt!: string;
}

/**
 * `evt.conversation.conversation.opened.v1`: a customer message opened a new conversation or
 * reopened a resolved one; it waits for an agent.
 */
export class ConversationOpened extends ConversationEventBase {
  @IsEntityId() inboxId!: string;
  @IsIn(CHANNELS) channel!: Channel;
  @IsEntityId() customerId!: string;
  @IsExternalId() customerExternalId!: string;
  @ValidateIf((_, v) => v !== null) @IsEntityId() departmentId!: string | null;
  @IsBoolean() reopened!: boolean;
}

/** `evt.conversation.conversation.assigned.v1`: an agent owns it now (first time or transfer). */
export class ConversationAssigned extends ConversationEventBase {
  @IsEntityId() assigneeId!: string;
  @ValidateIf((_, v) => v !== null) @IsEntityId() previousAssigneeId!: string | null;
}

/** `evt.conversation.conversation.unassigned.v1`: back in a department's queue. */
export class ConversationUnassigned extends ConversationEventBase {
  @IsEntityId() previousAssigneeId!: string;
  @ValidateIf((_, v) => v !== null) @IsEntityId() departmentId!: string | null;
}

/** `evt.conversation.conversation.resolved.v1`: finished; its agent's slot is free. */
export class ConversationResolved extends ConversationEventBase {
  @ValidateIf((_, v) => v !== null) @IsEntityId() assigneeId!: string | null;
}

export function conversationEventId(
  kind: string,
  conversationId: string,
  discriminator: string | number,
): string {
  return `conversation.${kind}:${conversationId}:${discriminator}`;
}
