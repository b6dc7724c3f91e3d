import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import type { ServerFrame, SocketStatus } from './agent-socket';
import type { HubClient } from './hub-client';
import type { SignedIn } from './session';

const HubContext = createContext<HubClient | null>(null);

export function HubProvider({ client, children }: { client: HubClient; children: ReactNode }) {
  return <HubContext.Provider value={client}>{children}</HubContext.Provider>;
}

export function useHub(): HubClient {
  const client = useContext(HubContext);
  if (!client) throw new Error('useHub outside <HubProvider>');
  return client;
}

/** The signed-in agent and token, re-rendering on sign-in, refresh and sign-out. */
export function useSignedIn(): SignedIn | null {
  const { session } = useHub();
  return useSyncExternalStore(
    (notify) => session.subscribe(notify),
    () => session.current,
  );
}

export function useSocketStatus(): SocketStatus {
  const { socket } = useHub();
  return useSyncExternalStore(
    (notify) => socket.onStatus(notify),
    () => socket.currentStatus,
  );
}

/** Calls `handler` for every socket frame of `type` while the component is mounted. */
export function useSocketEvent(type: string, handler: (frame: ServerFrame) => void): void {
  const { socket } = useHub();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => socket.on(type, (frame) => latest.current(frame)), [socket, type]);
}

/** How often the socket has been connected and lost since: lists should be read again. */
export function useReconnectCount(): number {
  return useConnectedCount(false);
}

/**
 * How often the socket became ready while the caller was mounted, the first time included:
 * what was read before may have missed events sent before the socket was listening.
 */
export function useReadyCount(): number {
  return useConnectedCount(true);
}

function useConnectedCount(countFirst: boolean): number {
  const { socket } = useHub();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let seenConnected = false;
    return socket.onStatus((status) => {
      if (status !== 'connected') return;
      if (seenConnected || countFirst) setCount((n) => n + 1);
      seenConnected = true;
    });
  }, [socket, countFirst]);
  return count;
}
