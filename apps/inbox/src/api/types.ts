// The gateway's REST and socket views the app reads (docs/agent-socket.md, /api/docs).

export type AgentRole = 'admin' | 'supervisor' | 'agent';
export type Presence = 'online' | 'away' | 'offline';

export interface AgentView {
  id: string;
  workspaceId: string;
  name: string;
  avatarUrl: string | null;
  email: string;
  role: AgentRole;
  maxConcurrentChats: number;
  presence: Presence;
  activeChats: number;
  departmentIds: string[];
  /** BCP 47 tag the agent chose for the app, when the profile has one. */
  locale?: string | null;
}

export interface TokenAnswer {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  agent: AgentView;
}

export type ConversationStatus = 'open' | 'assigned' | 'pending' | 'resolved' | 'closed';

export interface ConversationView {
  id: string;
  workspaceId: string;
  inboxId: string;
  channel: string;
  customerId: string;
  customerExternalId: string;
  departmentId: string | null;
  assigneeId: string | null;
  status: ConversationStatus;
  priority: string;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  csat: { rating: number; comment: string | null; submittedAt: string } | null;
}

export interface AttachmentView {
  fileId: string;
  name: string;
  size: number;
  mimeType: string;
  url: string;
}

export interface MessageView {
  id: string;
  conversationId: string;
  seq: number;
  direction: 'inbound' | 'outbound';
  senderType: 'customer' | 'agent' | 'bot' | 'system';
  senderId?: string;
  content: string;
  contentType: 'text' | 'image' | 'file' | 'link' | 'event';
  clientMessageId?: string;
  createdAt: string;
  attachment?: AttachmentView;
}

/** The one error shape of every REST and socket failure. */
export interface ErrorBody {
  status: number;
  code: string;
  message: string;
  fieldErrors?: { field: string; message: string }[];
  retryAfterMs?: number;
}
