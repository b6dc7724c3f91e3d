import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { VisitView } from '../web/visitor-visits';
import { IsEntityId, IsPageSize } from '../common/validators';
import type { ConversationView } from '../views/conversation-view';
import type { NoteView } from './notes';
import type { OrderView } from './orders';

/** A ticket as the timeline shows it. */
export interface TimelineTicket {
  id: string;
  subject: string;
  status: string;
  priority: string;
}

interface TimelineEntry<T extends string> {
  type: T;
  /** The item's id. */
  id: string;
  /** When it happened: a conversation or ticket opened, an order placed, a note written, a visit began. */
  at: string;
}

export type TimelineItem =
  | (TimelineEntry<'conversation'> & { conversation: ConversationView })
  | (TimelineEntry<'ticket'> & { ticket: TimelineTicket })
  | (TimelineEntry<'order'> & { order: OrderView })
  | (TimelineEntry<'note'> & { note: NoteView })
  | (TimelineEntry<'visit'> & { visit: VisitView });

/**
 * `crm.customer.timeline` → TimelinePage: one customer's conversations on every channel,
 * tickets, orders, notes and website visits, newest first, a page at a time (pass `nextCursor`
 * back as `cursor`).
 */
export class CustomerTimelineRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() customerId!: string;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsPageSize(100) limit?: number;
}

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
}
