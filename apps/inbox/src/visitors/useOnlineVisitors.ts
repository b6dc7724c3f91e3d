import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useHub, useReconnectCount, useSocketEvent } from '../api/HubProvider';
import type { ServerFrame } from '../api/agent-socket';
import type { VisitorView } from './types';

const ONLINE = ['visitors', 'online'] as const;

/**
 * Who is on the site now: read once, then kept current by the socket's visitor events
 * (read again after a reconnect, since events missed meanwhile are gone).
 */
export function useOnlineVisitors() {
  const { http } = useHub();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ONLINE,
    queryFn: ({ signal }) => http.get<VisitorView[]>('/visitors/online', undefined, signal),
  });
  const reconnects = useReconnectCount();
  useEffect(() => {
    if (reconnects > 0) void client.invalidateQueries({ queryKey: ONLINE });
  }, [client, reconnects]);

  const update = (change: (visitors: VisitorView[]) => VisitorView[]) =>
    client.setQueryData<VisitorView[]>(ONLINE, (visitors) => visitors && change(visitors));
  const upsert = (frame: ServerFrame) => {
    const visitor = frame.visitor as VisitorView;
    update((visitors) => [...visitors.filter((v) => v.visitorId !== visitor.visitorId), visitor]);
  };
  useSocketEvent('visitor.arrived', upsert);
  useSocketEvent('visitor.updated', upsert);
  useSocketEvent('visitor.left', (frame) =>
    update((visitors) => visitors.filter((v) => v.visitorId !== frame.visitorId)),
  );
  useSocketEvent('visitor.chatting', (frame) =>
    update((visitors) =>
      visitors.map((v) => (v.visitorId === frame.visitorId ? { ...v, chatting: true } : v)),
    ),
  );
  return query;
}
