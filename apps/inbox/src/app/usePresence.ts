import { useCallback, useState } from 'react';
import { useHub, useSignedIn, useSocketEvent, useSocketStatus } from '../api/HubProvider';
import type { Presence } from '../api/types';

/**
 * The agent's own presence and the switch: online and away are told to the hub; offline closes
 * the socket (the hub counts an agent with no socket as offline and routes nothing to them).
 */
export function usePresence(): {
  presence: Presence;
  setPresence: (next: Presence) => Promise<void>;
} {
  const { socket } = useHub();
  const signedIn = useSignedIn();
  const status = useSocketStatus();
  const [chosen, setChosen] = useState<Presence>(signedIn?.agent.presence ?? 'online');
  const agentId = signedIn?.agent.id;

  useSocketEvent('presence.changed', (frame) => {
    if (frame.agentId === agentId) setChosen(frame.presence as Presence);
  });

  const setPresence = useCallback(
    async (next: Presence) => {
      if (next === 'offline') {
        socket.stop();
        setChosen('offline');
        return;
      }
      if (socket.currentStatus !== 'connected') {
        socket.start();
        await new Promise<void>((resolve) => {
          const off = socket.onStatus((now) => {
            if (now === 'connected' || now === 'stopped') {
              off();
              resolve();
            }
          });
        });
      }
      await socket.request({ type: 'presence.set', presence: next });
      setChosen(next);
    },
    [socket],
  );

  return { presence: status === 'stopped' ? 'offline' : chosen, setPresence };
}
