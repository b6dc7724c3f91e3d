import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHub } from '../api/HubProvider';
import { dateTimeText } from '../ui/time-text';
import { customerKey } from './customer-keys';
import type { TimelinePage } from './types';

/** Earlier conversations on every channel and tickets, newest first, from the timeline. */
export function CustomerHistory({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const { http } = useHub();
  const timeline = useQuery({
    queryKey: [...customerKey(customerId), 'timeline'],
    queryFn: ({ signal }) =>
      http.get<TimelinePage>(`/customers/${customerId}/timeline`, { limit: 50 }, signal),
  });
  const items = timeline.data?.items ?? [];
  const conversations = items.flatMap((item) => (item.type === 'conversation' ? [item] : []));
  const tickets = items.flatMap((item) => (item.type === 'ticket' ? [item] : []));
  return (
    <section aria-labelledby="customer-history">
      <h3 id="customer-history">{t('conversations')}</h3>
      {timeline.isSuccess && conversations.length === 0 && (
        <p className="muted">{t('noConversations')}</p>
      )}
      <ul>
        {conversations.map(({ conversation, at }) => (
          <li key={conversation.id}>
            <span className="badge">{conversation.channel}</span>{' '}
            {t(`conversationStatus.${conversation.status}`, { defaultValue: conversation.status })}{' '}
            <span className="muted small">{dateTimeText(at)}</span>
          </li>
        ))}
      </ul>
      <h3>{t('tickets')}</h3>
      {timeline.isSuccess && tickets.length === 0 && <p className="muted">{t('noTickets')}</p>}
      <ul>
        {tickets.map(({ ticket, at }) => (
          <li key={ticket.id}>
            <Link to={`/tickets/${ticket.id}`}>{ticket.subject}</Link>{' '}
            <span className="badge">
              {t(`ticketStatus.${ticket.status}`, { defaultValue: ticket.status })}
            </span>{' '}
            <span className="muted small">{dateTimeText(at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
