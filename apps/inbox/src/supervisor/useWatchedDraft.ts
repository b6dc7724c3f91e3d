import { useEffect, useState } from 'react';
import { useHub, useSocketEvent, useSocketStatus } from '../api/HubProvider';

/**
 * Watches a conversation over the agent socket (read-only, allowed to supervisors) and returns
 * what the customer is typing: the draft while the workspace has sneak-peek on, and whether they
 * type. The watch is asked again after every reconnect and dropped when the screen leaves.
 */
export function useWatchedDraft(conversationId: string) {
  const { socket } = useHub();
  const status = useSocketStatus();
  const [draft, setDraft] = useState('');
  const [typing, setTyping] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (status !== 'connected') return;
    socket.request({ type: 'conversation.watch', conversationId }).then(
      () => setRefusal(null),
      (error: { code?: string }) => setRefusal(error.code ?? 'INTERNAL'),
    );
    return () => socket.fire({ type: 'conversation.unwatch', conversationId });
  }, [socket, status, conversationId]);

  useSocketEvent('draft', (frame) => {
    if (frame.conversationId === conversationId)
      setDraft(typeof frame.text === 'string' ? frame.text : '');
  });
  useSocketEvent('typing', (frame) => {
    if (frame.conversationId === conversationId && frame.by === 'visitor')
      setTyping(frame.isTyping === true);
  });
  return { draft, typing, refusal };
}
