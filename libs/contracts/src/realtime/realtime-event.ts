import type { AgentPresence, AgentRole, DeliveryStatus } from '@hub/domain';
import type { ConversationView } from '../views/conversation-view';
import type { SlaClockEvent } from '../routing/sla-clock-event';
import type { MessageView } from '../views/message-view';
import type { NoteView } from '../crm/notes';
import type { InvitationView } from '../web/send-invitation';
import type { VisitorView } from '../web/visitor-view';

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

/**
 * To a conversation's assignee: the channel reported on one of its replies (the relay took the
 * mail or refused it, the platform delivered or read it, an API callback failed). Statuses only
 * move forward; `deliveryError` is the channel's reason when `deliveryStatus` is `failed`.
 */
export interface MessageDeliveryRealtime {
  type: 'message.delivery';
  conversationId: string;
  messageId: string;
  deliveryStatus: DeliveryStatus;
  deliveryError?: string;
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

/** A visitor came onto the site (first page view, or back after being gone). */
export interface VisitorArrivedRealtime {
  type: 'visitor.arrived';
  visitor: VisitorView;
}

/** An online visitor changed page. */
export interface VisitorUpdatedRealtime {
  type: 'visitor.updated';
  visitor: VisitorView;
}

/** No page view or open socket of the visitor for a minute: gone. */
export interface VisitorLeftRealtime {
  type: 'visitor.left';
  visitorId: string;
}

/** An online visitor started chatting (their message opened a conversation). */
export interface VisitorChattingRealtime {
  type: 'visitor.chatting';
  visitorId: string;
  conversationId: string;
}

/** An invitation was accepted or dismissed. */
export interface InvitationUpdatedRealtime {
  type: 'invitation.updated';
  invitation: InvitationView;
}

/** To the visitor's sockets: an agent (or an auto-invite rule) invites them to chat. */
export interface InvitationRealtime {
  type: 'invitation';
  invitationId: string;
  agent: { id: string; name: string; avatarUrl: string | null } | null;
  message: string;
  /** Show it after this many seconds, if the visitor is still on the page. */
  delaySeconds: number;
}

/** To a ticket's assignee (or the reminder's author): a follow-up reminder is due. */
export interface TicketReminderRealtime {
  type: 'ticket.reminder';
  workspaceId: string;
  reminderId: string;
  ticketId: string;
  subject: string;
  remindAt: string;
  note: string | null;
}

/**
 * An SLA clock used 75 % of its target (`warned`) or passed it (`breached`): to the assignee
 * and the workspace's supervisors and admins (`rt.agent.<id>` of each).
 */
export interface SlaAlertRealtime {
  type: 'sla.alert';
  kind: 'warned' | 'breached';
  clock: SlaClockEvent;
}

/**
 * To a conversation's assignee: another agent (a supervisor watching, say) wrote a private note
 * on it; and to those watching it. The customer never sees notes.
 */
export interface ConversationNoteRealtime {
  type: 'conversation.note';
  workspaceId: string;
  conversationId: string;
  note: NoteView;
}

/**
 * To every socket of one agent: the agent read a conversation (in any tab, on any device), so
 * each of their inboxes sets its unread count to `unreadCount`.
 */
export interface ConversationReadRealtime {
  type: 'conversation.read';
  conversationId: string;
  lastReadSeq: number;
  unreadCount: number;
}

/**
 * A message stored, or a note written, in a conversation, to the edges holding those watching it
 * (supervisors, read-only). `sentToAgentId`: the agent whose own `rt.agent.<id>` carried the
 * same event (the assignee), whose sockets skip this copy; null when no agent subject did.
 */
export type OnlookerRealtimeEvent = (MessageCreatedRealtime | ConversationNoteRealtime) & {
  sentToAgentId: string | null;
};

export type RealtimeEvent =
  | MessageCreatedRealtime
  | OnlookerRealtimeEvent
  | ConversationReadRealtime
  | MessageDeliveryRealtime
  | TypingRealtime
  | DraftRealtime
  | ConversationUpdatedRealtime
  | QueuePositionRealtime
  | QueueChangedRealtime
  | PresenceChangedRealtime
  | MessageFailedRealtime
  | AgentChangedRealtime
  | VisitorSessionRevokedRealtime
  | ConversationRatedRealtime
  | VisitorArrivedRealtime
  | VisitorUpdatedRealtime
  | VisitorLeftRealtime
  | VisitorChattingRealtime
  | InvitationUpdatedRealtime
  | InvitationRealtime
  | TicketReminderRealtime
  | SlaAlertRealtime
  | ConversationNoteRealtime;

/** What `rt.visitor.<id>` carries. */
export type VisitorRealtimeEvent =
  | MessageCreatedRealtime
  | ConversationUpdatedRealtime
  | MessageFailedRealtime
  | VisitorSessionRevokedRealtime
  | InvitationRealtime;

/** What `rt.agent.<id>` carries. */
export type AgentRealtimeEvent =
  | MessageCreatedRealtime
  | MessageDeliveryRealtime
  | ConversationUpdatedRealtime
  | TicketReminderRealtime
  | SlaAlertRealtime
  | ConversationNoteRealtime
  | ConversationReadRealtime;

/** What `rt.conversation.<id>` carries. */
export type ConversationRealtimeEvent = TypingRealtime | DraftRealtime | QueuePositionRealtime;

/** What `rt.workspace.<id>` carries. */
export type WorkspaceRealtimeEvent =
  | ConversationUpdatedRealtime
  | QueueChangedRealtime
  | PresenceChangedRealtime
  | ConversationRatedRealtime
  | VisitorArrivedRealtime
  | VisitorUpdatedRealtime
  | VisitorLeftRealtime
  | VisitorChattingRealtime
  | InvitationUpdatedRealtime;
