import type { AgentPresence, AgentRole } from '@hub/domain';
import type { ConversationView } from '../views/conversation-view';
import type { MessageView } from '../views/message-view';

/** A message was stored; `message.clientMessageId` lets its sender match it to a pending send. */
export interface MessageCreatedRealtime {
  type: 'message.created';
  message: MessageView;
}

/**
 * A customer message its sender was told was accepted will never be stored (it was
 * dead-lettered): the sender shows it as failed. `code` is the reason, from the error catalogue.
 */
export interface MessageFailedRealtime {
  type: 'message.failed';
  clientMessageId: string;
  code: string;
}

/** Someone in the conversation started or stopped typing. */
export interface TypingRealtime {
  type: 'typing';
  conversationId: string;
  by: 'visitor' | 'agent';
  agentId?: string;
  isTyping: boolean;
}

/** The visitor's unsent text (typing sneak-peek): for the assigned agent only, never stored. */
export interface DraftRealtime {
  type: 'draft';
  conversationId: string;
  workspaceId: string;
  text: string;
}

/** Assignment, transfer, resolution or reopening changed the conversation. */
export interface ConversationUpdatedRealtime {
  type: 'conversation.updated';
  conversation: ConversationView;
}

/** Where a waiting conversation stands in its department's queue (1 is next). */
export interface QueuePositionRealtime {
  type: 'queue.position';
  conversationId: string;
  position: number;
  /** A rough wait in seconds (see QueueEntryView); null when it cannot be estimated. */
  estimatedWaitSeconds: number | null;
}

/** The customer rated a conversation (CSAT); to every agent of the workspace. */
export interface ConversationRatedRealtime {
  type: 'conversation.rated';
  conversationId: string;
  rating: number;
  comment: string | null;
}

/** A department's queue grew or shrank. */
export interface QueueChangedRealtime {
  type: 'queue.changed';
  workspaceId: string;
  departmentId: string | null;
  length: number;
}

export interface PresenceChangedRealtime {
  type: 'presence.changed';
  agentId: string;
  presence: AgentPresence;
}

/** The visitor's sessions were revoked: every socket of the visitor closes (4401). */
export interface VisitorSessionRevokedRealtime {
  type: 'session.revoked';
  visitorId: string;
}

/** An admin changed an agent's role or active flag (routing, after the change committed). */
export interface AgentChangedRealtime {
  type: 'agent.changed';
  workspaceId: string;
  agentId: string;
  role: AgentRole;
  active: boolean;
}

export type RealtimeEvent =
  | MessageCreatedRealtime
  | TypingRealtime
  | DraftRealtime
  | ConversationUpdatedRealtime
  | QueuePositionRealtime
  | QueueChangedRealtime
  | PresenceChangedRealtime
  | MessageFailedRealtime
  | AgentChangedRealtime
  | VisitorSessionRevokedRealtime
  | ConversationRatedRealtime;

/** What `rt.visitor.<id>` carries. */
export type VisitorRealtimeEvent =
  | MessageCreatedRealtime
  | ConversationUpdatedRealtime
  | MessageFailedRealtime
  | VisitorSessionRevokedRealtime;

/** What `rt.agent.<id>` carries. */
export type AgentRealtimeEvent = MessageCreatedRealtime | ConversationUpdatedRealtime;

/** What `rt.conversation.<id>` carries. */
export type ConversationRealtimeEvent = TypingRealtime | DraftRealtime | QueuePositionRealtime;

/** What `rt.workspace.<id>` carries. */
export type WorkspaceRealtimeEvent =
  | ConversationUpdatedRealtime
  | QueueChangedRealtime
  | PresenceChangedRealtime
  | ConversationRatedRealtime;
