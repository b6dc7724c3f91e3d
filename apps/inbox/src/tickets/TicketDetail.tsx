import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHub } from '../api/HubProvider';
import type { ConversationView } from '../api/types';
import { dateTimeText } from '../ui/time-text';
import { TicketForm } from './TicketForm';
import type { TicketHistoryEntry, TicketView } from './types';

/** One ticket: its fields (editable), linked conversations on every channel, and history. */
export function TicketDetail({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('tickets');
  const { http } = useHub();
  const ticket = useQuery({
    queryKey: ['tickets', ticketId],
    queryFn: ({ signal }) => http.get<TicketView>(`/tickets/${ticketId}`, undefined, signal),
  });
  const history = useQuery({
    queryKey: ['tickets', ticketId, 'history', ticket.data?.version],
    queryFn: ({ signal }) =>
      http.get<TicketHistoryEntry[]>(`/tickets/${ticketId}/history`, undefined, signal),
    enabled: ticket.isSuccess,
  });
  const conversations = useQueries({
    queries: (ticket.data?.conversationIds ?? []).map((id) => ({
      queryKey: ['conversations', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        http.get<ConversationView>(`/conversations/${id}`, undefined, signal),
    })),
  });

  if (ticket.isPending) return <aside className="page-status">{t('loading')}</aside>;
  if (ticket.isError) return <aside className="form-error">{t('loadFailed')}</aside>;
  const view = ticket.data;
  return (
    <aside aria-labelledby="ticket-title">
      <header className="detail-header">
        <h2 id="ticket-title">{view.subject}</h2>
        {view.vip && <span className="badge badge-at_risk">{t('vip')}</span>}
      </header>
      {view.description && <p className="note-card">{view.description}</p>}
      <TicketForm key={view.version} ticket={view} onReload={() => void ticket.refetch()} />
      <section aria-labelledby="ticket-conversations">
        <h3 id="ticket-conversations">{t('conversations')}</h3>
        {view.conversationIds.length === 0 && <p className="muted">{t('noConversations')}</p>}
        <ul>
          {conversations.map((result, index) => (
            <li key={view.conversationIds[index]}>
              {result.data ? (
                <>
                  <span className="badge">{result.data.channel}</span>{' '}
                  {t(`conversationStatus.${result.data.status}`)} ·{' '}
                  <span className="small">{dateTimeText(result.data.createdAt)}</span>
                </>
              ) : (
                '…'
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ticket-history">
        <h3 id="ticket-history">{t('history')}</h3>
        <ol className="trail">
          {(history.data ?? []).map((entry) => (
            <li key={entry.id}>
              <div>
                {t(`action.${entry.action}`, { defaultValue: entry.action })}{' '}
                <span className="muted small">{dateTimeText(entry.occurredAt)}</span>
              </div>
              {entry.changes.map((change) => (
                <div key={change.field} className="small">
                  {change.field}: {text(change.from)} → {text(change.to)}
                </div>
              ))}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
