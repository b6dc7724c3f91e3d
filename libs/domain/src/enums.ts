// Shared vocabularies. Each is a frozen `as const` object plus a type of the same name:
// values are plain strings on the wire, in the database and in JSON, and no TypeScript
// `enum` emit is needed (`Channel.Web === 'web'`, `type Channel = 'web' | ...`).

/** Every value of one of the objects below, in declaration order (for validators and CHECKs). */
export function valuesOf<T extends Record<string, string>>(vocabulary: T): readonly T[keyof T][] {
  return Object.freeze(Object.values(vocabulary) as T[keyof T][]);
}

/** Narrows an untrusted string (a query parameter, a row from elsewhere) to a vocabulary value. */
export function isValueOf<T extends Record<string, string>>(
  vocabulary: T,
  value: unknown,
): value is T[keyof T] {
  return typeof value === 'string' && Object.values<string>(vocabulary).includes(value);
}

export const Channel = {
  Web: 'web',
  Email: 'email',
  Messenger: 'messenger',
  Instagram: 'instagram',
  WhatsApp: 'whatsapp',
  Telegram: 'telegram',
  Line: 'line',
  Api: 'api',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];
export const CHANNELS = valuesOf(Channel);

export const ConversationStatus = {
  Open: 'open',
  Assigned: 'assigned',
  Pending: 'pending',
  Resolved: 'resolved',
  Closed: 'closed',
} as const;
export type ConversationStatus = (typeof ConversationStatus)[keyof typeof ConversationStatus];
export const CONVERSATION_STATUSES = valuesOf(ConversationStatus);

export const Priority = {
  Low: 'low',
  Normal: 'normal',
  High: 'high',
  Urgent: 'urgent',
} as const;
export type Priority = (typeof Priority)[keyof typeof Priority];
export const PRIORITIES = valuesOf(Priority);

export const MessageDirection = {
  Inbound: 'inbound',
  Outbound: 'outbound',
} as const;
export type MessageDirection = (typeof MessageDirection)[keyof typeof MessageDirection];
export const MESSAGE_DIRECTIONS = valuesOf(MessageDirection);

export const SenderType = {
  Customer: 'customer',
  Agent: 'agent',
  Bot: 'bot',
  System: 'system',
} as const;
export type SenderType = (typeof SenderType)[keyof typeof SenderType];
export const SENDER_TYPES = valuesOf(SenderType);

export const ContentType = {
  Text: 'text',
  Image: 'image',
  File: 'file',
  Link: 'link',
  Event: 'event',
} as const;
export type ContentType = (typeof ContentType)[keyof typeof ContentType];
export const CONTENT_TYPES = valuesOf(ContentType);

export const DeliveryStatus = {
  Pending: 'pending',
  Sent: 'sent',
  Delivered: 'delivered',
  Read: 'read',
  Failed: 'failed',
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];
export const DELIVERY_STATUSES = valuesOf(DeliveryStatus);

export const AgentRole = {
  Admin: 'admin',
  Supervisor: 'supervisor',
  Agent: 'agent',
} as const;
export type AgentRole = (typeof AgentRole)[keyof typeof AgentRole];
export const AGENT_ROLES = valuesOf(AgentRole);

export const AgentPresence = {
  Online: 'online',
  Away: 'away',
  Offline: 'offline',
} as const;
export type AgentPresence = (typeof AgentPresence)[keyof typeof AgentPresence];
export const AGENT_PRESENCES = valuesOf(AgentPresence);

export const TicketStatus = {
  New: 'new',
  Open: 'open',
  Pending: 'pending',
  OnHold: 'on_hold',
  Solved: 'solved',
  Closed: 'closed',
} as const;
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];
export const TICKET_STATUSES = valuesOf(TicketStatus);
