import type { ConversationView, InvitationRealtime, MessageView } from '@hub/contracts';
import type { ConversationStatus } from '@hub/domain';
import type { ErrorFrame, FrameRef } from '@hub/socket-kit';
import type { VisitorAssignee } from '../assignee-directory';

/** The part of a conversation a visitor sees (no internal customer or workspace ids). */
export interface VisitorConversationView {
  id: string;
  status: ConversationStatus;
  assigneeId: string | null;
  departmentId: string | null;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  /** The agent talking with the visitor: name and picture only. */
  assignee: VisitorAssignee | null;
  /** The visitor's own rating, once given. */
  csat: { rating: number; comment: string | null } | null;
}

/** `assignee`: the conversation's agent as AssigneeDirectory knows them (null: none). */
export function toVisitorConversationView(
  conversation: ConversationView,
  assignee: VisitorAssignee | null,
): VisitorConversationView {
  return {
    id: conversation.id,
    status: conversation.status,
    assigneeId: conversation.assigneeId,
    departmentId: conversation.departmentId,
    lastSeq: conversation.lastSeq,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    resolvedAt: conversation.resolvedAt,
    assignee,
    csat: conversation.csat
      ? { rating: conversation.csat.rating, comment: conversation.csat.comment }
      : null,
  };
}

export interface WelcomeFrame {
  type: 'welcome';
  visitorId: string;
  conversationId: string | null;
  conversation: VisitorConversationView | null;
  messages: MessageView[];
}

export interface MessageAcceptedFrame {
  type: 'message.accepted';
  ref?: FrameRef;
  clientMessageId: string;
}

export interface MessageAckFrame {
  type: 'message.ack';
  ref?: FrameRef;
  clientMessageId: string;
  messageId: string;
  seq: number;
  conversationId: string;
}

/** An accepted message will never be stored (dead-lettered): show it as failed. */
export interface MessageFailedFrame {
  type: 'message.failed';
  ref?: FrameRef;
  clientMessageId: string;
  /** Why, from the error catalogue: VALIDATION_FAILED, MESSAGE_NOT_STORED... */
  code: string;
}

export interface MessageCreatedFrame {
  type: 'message.created';
  message: MessageView;
}

export interface ConversationUpdatedFrame {
  type: 'conversation.updated';
  conversation: VisitorConversationView;
}

export interface AgentTypingFrame {
  type: 'typing';
  conversationId: string;
  by: 'agent';
  isTyping: boolean;
}

export interface QueuePositionFrame {
  type: 'queue.position';
  conversationId: string;
  position: number;
  /** A rough wait in seconds, from recent handling times and the agents online; null: unknown. */
  estimatedWaitSeconds: number | null;
}

export interface CsatAckFrame {
  type: 'csat.ack';
  ref?: FrameRef;
  conversationId: string;
}

/** The transcript mail is stored to be sent; its delivery status follows on the notice message. */
export interface TranscriptAckFrame {
  type: 'transcript.ack';
  ref?: FrameRef;
  conversationId: string;
}

export interface PongFrame {
  type: 'pong';
  ref?: FrameRef;
}

/** An agent (or an auto-invite rule) invites the visitor to chat. */
export type InvitationFrame = InvitationRealtime;

/** The answer to `invitation.accept` (conversationId) or `invitation.dismiss` (null). */
export interface InvitationAckFrame {
  type: 'invitation.ack';
  ref?: FrameRef;
  invitationId: string;
  conversationId: string | null;
}

export type ServerFrame =
  | WelcomeFrame
  | MessageAcceptedFrame
  | MessageAckFrame
  | MessageFailedFrame
  | MessageCreatedFrame
  | ConversationUpdatedFrame
  | AgentTypingFrame
  | QueuePositionFrame
  | CsatAckFrame
  | TranscriptAckFrame
  | PongFrame
  | InvitationFrame
  | InvitationAckFrame
  | ErrorFrame;
