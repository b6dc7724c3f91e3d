import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConversationList } from './list/ConversationList';
import './conversations.css';
import { ConversationScreen } from './view/ConversationScreen';

/** The list on the left, the open conversation beside it (one or the other on narrow screens). */
export function ConversationsPage() {
  const { t } = useTranslation('conversations');
  const { conversationId } = useParams();
  return (
    <div className={`conversations ${conversationId ? 'has-open' : ''}`}>
      <ConversationList selectedId={conversationId} />
      {conversationId ? (
        <ConversationScreen key={conversationId} conversationId={conversationId} />
      ) : (
        <section className="conversation-empty muted">{t('view.pick')}</section>
      )}
    </div>
  );
}
