import type { ConversationStatus, ConversationView } from '../../api/types';

export const VIEWS = ['mine', 'unassigned', 'all'] as const;
export type ListView = (typeof VIEWS)[number];

export const STATUSES: readonly ConversationStatus[] = [
  'open',
  'assigned',
  'pending',
  'resolved',
  'closed',
];
export const CHANNELS = [
  'web',
  'email',
  'messenger',
  'instagram',
  'whatsapp',
  'telegram',
  'line',
  'api',
] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** What the list shows; the server filters view, status and department, the page the rest. */
export interface ListFilter {
  view: ListView;
  status?: ConversationStatus;
  departmentId?: string;
  channel?: string;
  priority?: string;
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
    search: params.get('q')?.trim() || undefined,
  };
}

export function paramsFromFilter(filter: ListFilter): Record<string, string> {
  const entries: [string, string | undefined][] = [
    ['view', filter.view],
    ['status', filter.status],
    ['department', filter.departmentId],
    ['channel', filter.channel],
    ['priority', filter.priority],
    ['q', filter.search],
  ];
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => !!entry[1]));
}

/** The server's answer narrowed by what it does not filter itself. */
export function applyPageFilter(
  conversations: readonly ConversationView[],
  filter: ListFilter,
): ConversationView[] {
  const search = filter.search?.toLowerCase();
  return conversations.filter(
    (conversation) =>
      (!filter.channel || conversation.channel === filter.channel) &&
      (!filter.priority || conversation.priority === filter.priority) &&
      (!search ||
        conversation.customerExternalId.toLowerCase().includes(search) ||
        conversation.id.startsWith(search)),
  );
}
