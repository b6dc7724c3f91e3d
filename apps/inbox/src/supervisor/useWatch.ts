import { useEffect, useState } from 'react';
import { useHub, useSocketEvent, useSocketStatus } from '../api/HubProvider';

/**
 * Watches a conversation over the agent socket (read-only, allowed to supervisors): from the
 * hub's answer on, its stored messages and notes are pushed, and the customer's draft while the
 * workspace has sneak-peek on. The watch is asked again after every reconnect and dropped when
 * the screen leaves. `answers` counts the hub's answers: read the transcript after each, since
 * nothing was pushed before it (the first load, and the gap of a reconnect).
 */
export function useWatch(conversationId: string) {
  const { socket } = useHub();
  const status = useSocketStatus();
  const [draft, setDraft] = useState('');
  const [typing, setTyping] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [answers, setAnswers] = useState(0);

  useEffect(() => {
    if (status !== 'connected') return;
    const answered = (code: string | null) => {
      setRefusal(code);
      setAnswers((n) => n + 1);
    };
    socket.request({ type: 'conversation.watch', conversationId }).then(
      () => answered(null),
      (error: { code?: string }) => answered(error.code ?? 'INTERNAL'),
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
  return { draft, typing, refusal, answers };
}
