import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useHub, useSocketEvent } from '../api/HubProvider';
import type { LiveFiguresView } from './types';

const LIVE = ['reports', 'live'] as const;

/** Queues and agents as they stand: read again when the socket says a queue or presence moved. */
export function useLiveFigures() {
  const { http } = useHub();
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: LIVE });
  useSocketEvent('queue.changed', refresh);
  useSocketEvent('presence.changed', refresh);
  useSocketEvent('conversation.updated', refresh);
  return useQuery({
    queryKey: LIVE,
    queryFn: ({ signal }) => http.get<LiveFiguresView>('/reports/live', undefined, signal),
    // Waits grow by themselves: the longest wait is read again every 15 s.
    refetchInterval: 15_000,
  });
}
