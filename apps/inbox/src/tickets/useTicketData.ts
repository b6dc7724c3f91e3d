import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useHub } from '../api/HubProvider';
import type { AgentView } from '../api/types';
import { slaQuery } from '../ui/sla-filter';
import type { TicketCategoryView, TicketFilters, TicketPage } from './types';

const TICKET_PAGE_SIZE = 50;

/** The filtered tickets a page at a time (the hub's keyset cursor), newest first. */
export function useTicketList(filters: TicketFilters) {
  const { http } = useHub();
  const { sla, ...rest } = filters;
  return useInfiniteQuery({
    queryKey: ['tickets', 'list', filters],
    queryFn: ({ signal, pageParam }) =>
      http.get<TicketPage>(
        '/tickets',
        { ...rest, ...slaQuery(sla), limit: TICKET_PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The workspace's agents (names for assignees), read once a minute at most. */
export function useAgents() {
  const { http } = useHub();
  return useQuery({
    queryKey: ['agents'],
    queryFn: ({ signal }) => http.get<AgentView[]>('/agents', undefined, signal),
    staleTime: 60_000,
  });
}

export function useCategories() {
  const { http } = useHub();
  return useQuery({
    queryKey: ['ticket-categories'],
    queryFn: ({ signal }) =>
      http.get<TicketCategoryView[]>('/ticket-categories', undefined, signal),
    staleTime: 60_000,
  });
}
