import { IsNotEmpty, IsString, Matches } from 'class-validator';
import { OfflineMessageContent } from '../crm/create-ticket-from-offline-message';
import { IsEntityId } from '../common/validators';

/**
 * `conversation.offline-message.open-email` (request/reply): a visitor left a message while
 * nobody was online. conversation stores it as the customer's mail in the workspace's email
 * inbox (the web inbox's `offlineEmailInboxId`, else the workspace's only email inbox), so the
 * agent's answer goes out as an email reply and the customer's reply mail threads back. The
 * message is stored once per `messageKey`; `conversationId` is null when the workspace has no
 * email inbox to answer from.
 */
export class OpenOfflineMessageConversationRequest extends OfflineMessageContent {
  @IsEntityId()
  workspaceId!: string;

  /** The web inbox the widget belongs to (its settings may name the email inbox). */
  @IsEntityId()
  webInboxId!: string;

  /**
   * The edge's id for this message, unique in the workspace (`<visitorId>:<clientMessageId>`,
   * or a fresh one without it): a resend with it stores nothing new.
   */
  @IsString()
  @IsNotEmpty()
  @Matches(/^[A-Za-z0-9._:~-]{1,200}$/)
  messageKey!: string;
}

export interface OpenOfflineMessageConversationReply {
  /** The email conversation holding the message; null without an email inbox. */
  conversationId: string | null;
}
