// The gateway's customer views (docs/customers.md, docs/customer-merge.md, /api/docs).

export interface CustomerIdentityView {
  id: string;
  channel: string;
  kind: 'channel' | 'site-user';
  externalId: string;
  verified: boolean;
}

export interface CustomerView {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  tags: string[];
  vip: boolean;
  attributes: Record<string, unknown>;
  identities: CustomerIdentityView[];
  createdAt: string;
}

/** What the profile form may change (null clears a field). */
export interface CustomerChange {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  vip?: boolean;
}

export interface OrderView {
  id: string;
  externalId: string;
  status: string;
  totalCents: number;
  currency: string;
  orderedAt: string;
}

export interface NoteView {
  id: string;
  authorId: string;
  body: string;
  conversationId: string | null;
  createdAt: string;
}

export type TimelineItem =
  | {
      type: 'conversation';
      id: string;
      at: string;
      conversation: { id: string; channel: string; status: string };
    }
  | {
      type: 'ticket';
      id: string;
      at: string;
      ticket: { id: string; subject: string; status: string };
    }
  | { type: 'order' | 'note' | 'visit'; id: string; at: string };

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
}

export interface TrailPageView {
  visitId: string;
  url: string;
  title: string;
  viewedAt: string;
  durationMs: number | null;
}

export interface LinkSuggestionView {
  id: string;
  candidateId: string;
  candidateName: string | null;
  reason: 'same_name' | 'same_email' | 'same_phone';
}

export interface CustomerMergeView {
  id: string;
  customerId: string;
  mergedCustomerId: string;
  undoneAt: string | null;
}
