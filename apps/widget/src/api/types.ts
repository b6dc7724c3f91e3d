// The shapes the widget reads from connector-web (docs/visitor-socket.md, docs/widget.md).

export type Locale = 'en' | 'zh-CN' | 'zh-TW' | 'ja';

export interface Department {
  id: string;
  name: string;
  online: boolean;
}

export interface PreChatField {
  name: 'name' | 'email' | 'phone';
  required: boolean;
}

export interface WidgetConfig {
  inboxId: string;
  primaryColor: string;
  /** The corner the launcher and the panel sit in. */
  position: 'left' | 'right';
  /** Shown on the launcher beside its icon, per language; the round button without one. */
  launcherText: Partial<Record<Locale, string>>;
  greeting: Partial<Record<Locale, string>>;
  locales: Locale[];
  /** One of `locales`: for a visitor whose browser asks for none, and for texts missing in theirs. */
  defaultLocale: Locale;
  departments: Department[];
  preChatForm: { enabled: boolean; fields: PreChatField[] } | null;
  online: boolean;
  typingPreview: boolean;
  uploads: { maxBytes: number; accept: string[] };
}

export interface VisitorSession {
  visitorId: string;
  token: string;
}

export interface Attachment {
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
  attachment?: Attachment;
}

export interface Assignee {
  id: string;
  name: string;
  avatarUrl: string | null;
}

export interface VisitorConversation {
  id: string;
  status: 'open' | 'assigned' | 'pending' | 'resolved' | 'closed';
  assigneeId: string | null;
  departmentId: string | null;
  lastSeq: number;
  assignee?: Assignee | null;
  csat?: { rating: number; comment: string | null } | null;
}

export interface Invitation {
  invitationId: string;
  agent: Assignee | null;
  message: string;
  delaySeconds: number;
}

/** Server → client frames the widget acts on; others are ignored. */
export type ServerFrame =
  | {
      type: 'welcome';
      visitorId: string;
      conversationId: string | null;
      conversation: VisitorConversation | null;
      messages: MessageView[];
    }
  | { type: 'message.accepted'; clientMessageId: string }
  | {
      type: 'message.ack';
      clientMessageId: string;
      messageId: string;
      seq: number;
      conversationId: string;
    }
  | { type: 'message.failed'; clientMessageId: string; code: string }
  | { type: 'message.created'; message: MessageView }
  | { type: 'conversation.updated'; conversation: VisitorConversation }
  | { type: 'typing'; conversationId: string; by: string; isTyping: boolean }
  | {
      type: 'queue.position';
      conversationId: string;
      position: number;
      estimatedWaitSeconds?: number | null;
    }
  | ({ type: 'invitation' } & Invitation)
  | { type: 'invitation.ack'; invitationId: string; conversationId: string | null }
  | { type: 'csat.ack'; conversationId: string }
  | { type: 'transcript.ack'; conversationId: string }
  | { type: 'pong' }
  | {
      type: 'error';
      ref?: string | number;
      status: number;
      code: string;
      retryAfterMs?: number;
    };
