import type { ContentType, DeliveryStatus, MessageDirection, SenderType } from '@hub/domain';
import type { MessageAttachmentView } from './file-view';

/** A stored message as every reader sees it (REST, sockets, request replies). */
export interface MessageView {
  id: string;
  conversationId: string;
  /** Gap-free position in the conversation, from 1: what clients resume from. */
  seq: number;
  direction: MessageDirection;
  senderType: SenderType;
  /** The agent's id for agent messages; absent for customer and system messages. */
  senderId?: string;
  content: string;
  contentType: ContentType;
  /** The sender's own id for the message (visitor or agent client), when it gave one. */
  clientMessageId?: string;
  createdAt: string;
  /** The message this one answers (a customer's reply to a message on their platform). */
  replyToMessageId?: string;
  /** The attached file (contentType `image` or `file`); its `url` is signed by the edge. */
  attachment?: MessageAttachmentView;
  /**
   * Replies the channel confirms (email, social platforms): `pending` until the relay or the
   * platform answered, then `sent` (and `delivered`, `read` as the platform reports), or `failed`
   * with `deliveryError` (the relay's refusal, a bounce's diagnostic, the platform's error).
   */
  deliveryStatus?: DeliveryStatus;
  deliveryError?: string;
}
