import type { Priority, TicketStatus } from '@hub/domain';
import type { SlaFilter } from '../ui/sla-filter';

// The gateway's ticket views, as the contracts define them (type-only: erased at build time).
export type { Priority, TicketStatus } from '@hub/domain';
export type {
  SlaStanding,
  TicketCategoryView,
  TicketHistoryEntry,
  TicketView,
  SlaTicketView as ListedTicket,
  SlaTicketPage as TicketPage,
} from '@hub/contracts';

// The domain's values (libs/domain) as the screens offer them; the app bundles no server lib.
export const TICKET_STATUSES: readonly TicketStatus[] = [
  'new',
  'open',
  'pending',
  'on_hold',
  'solved',
  'closed',
];

/** Where a ticket may go from each status (TICKET_TRANSITIONS of libs/domain). */
export const NEXT_STATUSES: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export interface TicketFilters {
  status?: TicketStatus;
  priority?: Priority;
  categoryId?: string;
  assigneeId?: string;
  sla?: SlaFilter;
}

/** The change a ticket form sends (PATCH with the version it was made on). */
export interface TicketChange {
  status?: TicketStatus;
  priority?: Priority;
  categoryId?: string | null;
  assigneeId?: string | null;
  dueAt?: string | null;
}
