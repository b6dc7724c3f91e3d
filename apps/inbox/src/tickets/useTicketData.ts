import { useQuery } from '@tanstack/react-query';
import { useHub } from '../api/HubProvider';
import type { AgentView } from '../api/types';
import type { TicketCategoryView } from './types';

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
