import type { Channel, ConversationStatus, Priority } from '@hub/domain';
import type { TagView } from '../conversation/conversation-tags';

export interface ConversationView {
  id: string;
  workspaceId: string;
  inboxId: string;
  channel: Channel;
  customerId: string;
  /** The customer's id on the channel (visitor id, email address...). */
  customerExternalId: string;
  departmentId: string | null;
  assigneeId: string | null;
  status: ConversationStatus;
  priority: Priority;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  /** The customer's rating (CSAT), once given; a later rating replaced an earlier one. */
  csat: CsatView | null;
}

/** A customer's satisfaction rating of a conversation. */
export interface CsatView {
  /** 1 (worst) to 5 (best). */
  rating: number;
  comment: string | null;
  submittedAt: string;
}

/** A conversation as a list shows it to one agent: with their unread count and its tags. */
export interface ConversationListItem extends ConversationView {
  /** The customer's messages after the agent's read position (counted up to 100). */
  unreadCount: number;
  tags: TagView[];
}
