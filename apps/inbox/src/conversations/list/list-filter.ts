import { CHANNELS, CONVERSATION_STATUSES, PRIORITIES } from '@hub/domain';
import type { ConversationStatus } from '../../api/types';
import { SLA_FILTERS, slaQuery, type SlaFilter } from '../../ui/sla-filter';

export const VIEWS = ['mine', 'unassigned', 'all'] as const;
export type ListView = (typeof VIEWS)[number];

// The hub's own lists (libs/domain), so a new channel or status shows up here by itself.
export { CHANNELS, PRIORITIES };
export const STATUSES: readonly ConversationStatus[] = CONVERSATION_STATUSES;

/** What the list shows; the server filters and searches all of it. */
export interface ListFilter {
  view: ListView;
  status?: ConversationStatus;
  departmentId?: string;
  channel?: string;
  priority?: string;
  tagId?: string;
  sla?: SlaFilter;
  search?: string;
}

/** The filter in the address bar (`?view=all&status=open&q=…`), so a view can be linked and kept. */
export function filterFromParams(params: URLSearchParams): ListFilter {
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined =>
    allowed.find((value) => value === params.get(name));
  return {
    view: pick('view', VIEWS) ?? 'mine',
    status: pick('status', STATUSES),
    departmentId: params.get('department') ?? undefined,
    channel: pick('channel', CHANNELS),
    priority: pick('priority', PRIORITIES),
    tagId: params.get('tag') ?? undefined,
    sla: pick('sla', SLA_FILTERS),
    search: params.get('q')?.trim().slice(0, 100) || undefined,
  };
}

export function paramsFromFilter(filter: ListFilter): Record<string, string> {
  const entries: [string, string | undefined][] = [
    ['view', filter.view],
    ['status', filter.status],
    ['department', filter.departmentId],
    ['channel', filter.channel],
    ['priority', filter.priority],
    ['tag', filter.tagId],
    ['sla', filter.sla],
    ['q', filter.search],
  ];
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => !!entry[1]));
}

/** How many conversations one page of the list brings. */
export const LIST_PAGE_SIZE = 50;

/** The list request's query: the address bar's names mapped onto the API's. */
export function queryFromFilter(filter: ListFilter): Record<string, string | number | undefined> {
  return {
    view: filter.view,
    status: filter.status,
    departmentId: filter.departmentId,
    channel: filter.channel,
    priority: filter.priority,
    tagId: filter.tagId,
    ...slaQuery(filter.sla),
    q: filter.search,
    limit: LIST_PAGE_SIZE,
  };
}
