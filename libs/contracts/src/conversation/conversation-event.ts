import { IsISO8601, IsString } from 'class-validator';
import { IsEntityId } from '../common/validators';

/** What every conversation lifecycle event carries. */
export class ConversationEventBase {
  /** Unique per fact; the `Nats-Msg-Id` it is published with. */
  @IsString() eventId!: string;
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsISO8601() occurredAt!: string;
}

/** The event id of a lifecycle fact: the same on every re-publication of that fact. */
export function conversationEventId(
  kind: string,
  conversationId: string,
  discriminator: string | number,
): string {
  return `conversation.${kind}:${conversationId}:${discriminator}`;
}
