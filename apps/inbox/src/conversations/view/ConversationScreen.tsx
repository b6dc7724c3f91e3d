import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useHub } from '../../api/HubProvider';
import { CustomerPanel } from '../../customers/CustomerPanel';
import { useConversation, useMarkRead, useMessages } from '../api/queries';
import { useLive } from '../live/ConversationsLive';
import { ConversationActions } from './ConversationActions';
import { ChannelBadge } from './ChannelBadge';
import { Composer } from './Composer';
import { ConversationTags } from './ConversationTags';
import { CustomerTypingPreview } from './CustomerTypingPreview';
import { Transcript } from './Transcript';

/** One conversation: header with actions, transcript, what the customer is typing, composer. */
export function ConversationScreen({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('conversations');
  const { socket } = useHub();
  const live = useLive();
  const location = useLocation();
  const conversation = useConversation(conversationId);
  const messages = useMessages(conversationId);
  const lastSeq = messages.data?.at(-1)?.seq;

  useEffect(() => {
    live.visible.id = conversationId;
    return () => {
      if (live.visible.id === conversationId) live.visible.id = null;
    };
  }, [conversationId, live]);

  // Once the transcript is read, the socket resumes it from its last seq (nothing missed).
  const loaded = messages.isSuccess;
  useEffect(() => {
    if (!loaded) return;
    socket.follow(conversationId, lastSeq ?? 0);
    return () => socket.unfollow(conversationId);
    // Following starts once; later seqs come through the socket itself.
  }, [conversationId, loaded, socket]);

  // What is on screen is read: the hub keeps the position, the list's badge resets.
  const { mutate: markRead } = useMarkRead(conversationId);
  useEffect(() => {
    if (lastSeq) markRead(lastSeq);
  }, [lastSeq, markRead]);

  if (conversation.isError)
    return (
      <section className="conversation-screen" role="alert">
        {t('view.notFound')}
      </section>
    );
  if (!conversation.data) return <section className="conversation-screen muted">…</section>;
  const view = conversation.data;

  return (
    <div className="conversation-with-customer">
      <section className="conversation-screen" aria-label={t('view.label')}>
        <header className="conversation-header">
          <Link className="back-link" to={`/conversations${location.search}`}>
            {t('view.back')}
          </Link>
          <h1>{view.customerExternalId}</h1>
          <ChannelBadge channel={view.channel} />
          <span className={`status status-${view.status}`}>{t(`status.${view.status}`)}</span>
          <ConversationActions conversation={view} />
          <ConversationTags conversationId={view.id} />
        </header>
        <Transcript conversationId={conversationId} messages={messages.data ?? []} />
        <CustomerTypingPreview conversationId={conversationId} />
        <Composer conversation={view} />
      </section>
      <CustomerPanel customerId={view.customerId} conversationId={view.id} />
    </div>
  );
}
