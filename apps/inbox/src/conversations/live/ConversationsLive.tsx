import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useReadyCount, useSignedIn, useSocketEvent } from '../../api/HubProvider';
import { mergeBySeq } from '../../api/transcript';
import type { ConversationView, MessageDeliveryChange, MessageView } from '../../api/types';
import { keys, setUnread, updateListRow } from '../api/queries';
import { Outbox } from '../view/outbox';
import { alertAgent } from './alerts';
import { useUnreadTitle } from './useUnreadTitle';
import { TypingStore } from './ephemeral';

interface Live {
  outbox: Outbox;
  typing: TypingStore;
  /** The conversation on screen, if any: its messages are read as they come. */
  visible: { id: string | null };
}

const LiveContext = createContext<Live | null>(null);

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside <ConversationsLive>');
  return live;
}

export function useCustomerTyping(conversationId: string) {
  const { typing } = useLive();
  return useSyncExternalStore(typing.subscribe, () => typing.get(conversationId));
}

/** Puts a stored message into the transcript cache in seq order, once. */
export function addMessage(queryClient: QueryClient, message: MessageView): void {
  queryClient.setQueryData<MessageView[]>(
    keys.messages(message.conversationId),
    (messages) => messages && mergeBySeq(messages, [message]),
  );
  updateListRow(queryClient, message.conversationId, (row) =>
    row.lastSeq < message.seq
      ? { ...row, lastSeq: message.seq, updatedAt: message.createdAt }
      : row,
  );
}

/** A reply's new delivery status, into its transcript's cache. */
export function setDelivery(queryClient: QueryClient, change: MessageDeliveryChange): void {
  queryClient.setQueryData<MessageView[]>(keys.messages(change.conversationId), (messages) =>
    messages?.map((message) =>
      message.id === change.messageId
        ? {
            ...message,
            deliveryStatus: change.deliveryStatus,
            ...(change.deliveryError ? { deliveryError: change.deliveryError } : {}),
          }
        : message,
    ),
  );
}

/**
 * The conversations feature's live side, mounted once for the signed-in app: keeps caches current
 * from the socket, counts the customer's new messages as unread until they are seen (the hub
 * keeps read positions; the conversation screen reports them), and alerts the agent when a conversation is assigned to
 * them or a customer writes in one of theirs.
 */
export function ConversationsLive({ children }: { children: ReactNode }) {
  const signedIn = useSignedIn();
  const agentId = signedIn?.agent.id ?? '';
  const [live] = useState<Live>(() => ({
    outbox: new Outbox(),
    typing: new TypingStore(),
    visible: { id: null },
  }));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation('conversations');
  const readies = useReadyCount();

  useEffect(() => {
    // Events may have been missed while the socket was away, or before it first listened (the
    // page may have read first): lists and transcripts are read again. Messages also resume by
    // seq, but a reply's delivery state changes without one.
    if (readies === 0) return;
    void queryClient.invalidateQueries({ queryKey: keys.lists });
    void queryClient.invalidateQueries({ queryKey: keys.allMessages });
  }, [readies, queryClient]);

  useSocketEvent('conversation.updated', (frame) => {
    const conversation = frame.conversation as ConversationView;
    const before = queryClient.getQueryData<ConversationView>(keys.one(conversation.id));
    queryClient.setQueryData(keys.one(conversation.id), conversation);
    void queryClient.invalidateQueries({ queryKey: keys.lists });
    if (conversation.assigneeId === agentId && before?.assigneeId !== agentId)
      alertAgent({
        title: t('alerts.assigned'),
        body: conversation.customerExternalId,
        tag: conversation.id,
        onClick: () => void navigate(`/conversations/${conversation.id}`),
      });
  });

  useSocketEvent('message.created', (frame) => {
    // A copy for a supervisor watching a chat not theirs: the watch view shows it, no alert.
    if (frame.watched === true) return;
    const message = frame.message as MessageView;
    live.outbox.stored(message);
    addMessage(queryClient, message);
    const onScreen = live.visible.id === message.conversationId && !document.hidden;
    if (message.senderType !== 'customer') return;
    live.typing.sent(message.conversationId);
    if (!onScreen) {
      setUnread(queryClient, message.conversationId, (before) => Math.min(before + 1, 100));
      alertAgent({
        title: t('alerts.customerWrote'),
        body: message.content.slice(0, 140),
        tag: message.conversationId,
        onClick: () => void navigate(`/conversations/${message.conversationId}`),
      });
    }
  });

  // Read in another tab or on another device: this one's badge follows.
  useSocketEvent('conversation.read', (frame) =>
    setUnread(queryClient, String(frame.conversationId), () => Number(frame.unreadCount)),
  );
  useUnreadTitle();
  useSocketEvent('message.delivery', (frame) =>
    setDelivery(queryClient, frame as unknown as MessageDeliveryChange),
  );

  useSocketEvent('typing', (frame) =>
    live.typing.typing(String(frame.conversationId), frame.isTyping === true),
  );
  useSocketEvent('draft', (frame) =>
    live.typing.draft(
      String(frame.conversationId),
      typeof frame.text === 'string' ? frame.text : '',
    ),
  );

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
