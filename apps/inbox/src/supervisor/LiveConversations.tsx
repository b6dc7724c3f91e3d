import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useHub, useSocketEvent } from '../api/HubProvider';
import type { ConversationListPage } from '../api/types';
import { dateTimeText } from '../ui/time-text';

const LIVE_CHATS = ['conversations', 'supervisor', 'assigned'] as const;

/** The workspace's conversations in progress, each one click from being watched. */
export function LiveConversations(props: { names: Map<string, string>; watchingId?: string }) {
  const { t } = useTranslation('supervisor');
  const { http } = useHub();
  const client = useQueryClient();
  const navigate = useNavigate();
  useSocketEvent('conversation.updated', () => {
    void client.invalidateQueries({ queryKey: LIVE_CHATS });
  });
  // The 50 most recently active: a supervisor watches what is happening now.
  const chats = useQuery({
    queryKey: LIVE_CHATS,
    queryFn: async ({ signal }) =>
      (
        await http.get<ConversationListPage>(
          '/conversations',
          { view: 'all', status: 'assigned', limit: 50 },
          signal,
        )
      ).items,
  });
  return (
    <section aria-labelledby="live-chats-title">
      <h2 id="live-chats-title">{t('liveChats')}</h2>
      {chats.data?.length === 0 && <p className="muted">{t('noLiveChats')}</p>}
      {chats.data && chats.data.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('agent')}</th>
              <th scope="col">{t('channel')}</th>
              <th scope="col">{t('since')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('watch')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {chats.data.map((chat) => (
              <tr key={chat.id} className={chat.id === props.watchingId ? 'selected' : undefined}>
                <td>{props.names.get(chat.assigneeId ?? '') ?? '—'}</td>
                <td>
                  <span className="badge">{chat.channel}</span>
                </td>
                <td className="small">{dateTimeText(chat.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => void navigate(`/supervisor/watch/${chat.id}`)}
                    aria-label={t('watchChatOf', {
                      name: props.names.get(chat.assigneeId ?? '') ?? '—',
                    })}
                  >
                    {t('watch')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
