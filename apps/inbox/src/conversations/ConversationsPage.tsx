import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useHub } from '../api/HubProvider';
import type { ConversationView } from '../api/types';

const TABS = ['mine', 'unassigned', 'all'] as const;
type Tab = (typeof TABS)[number];

export function ConversationsPage() {
  const { t } = useTranslation('conversations');
  const { http } = useHub();
  const { conversationId } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((candidate) => candidate === params.get('tab')) ?? 'mine';
  const list = useQuery({
    queryKey: ['conversations', { view: tab }],
    queryFn: ({ signal }) => http.get<ConversationView[]>('/conversations', { view: tab }, signal),
  });

  return (
    <div className="conversations">
      <section className="conversation-list" aria-label={t('list.label')}>
        <div role="tablist" aria-label={t('tabs.label')} className="tabs">
          {TABS.map((value) => (
            <button
              key={value}
              role="tab"
              type="button"
              aria-selected={tab === value}
              onClick={() => setParams({ tab: value })}
            >
              {t(`tabs.${value}`)}
            </button>
          ))}
        </div>
        {list.isError ? <p role="alert">{t('list.failed')}</p> : null}
        <ul>
          {list.data?.map((conversation) => (
            <li key={conversation.id}>
              <Link to={`/conversations/${conversation.id}?tab=${tab}`}>
                {conversation.customerExternalId} · {t(`status.${conversation.status}`)}
              </Link>
            </li>
          ))}
        </ul>
        {list.data?.length === 0 ? <p className="muted">{t('list.empty')}</p> : null}
      </section>
      <section className="conversation-pane">
        {conversationId ? <p>{conversationId}</p> : <p className="muted">{t('view.pick')}</p>}
      </section>
    </div>
  );
}
