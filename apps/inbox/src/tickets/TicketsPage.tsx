import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { LoadMore } from '../ui/LoadMore';
import { dateTimeText } from '../ui/time-text';
import '../ui/screens.css';
import { SlaBadge } from './SlaBadge';
import { TicketDetail } from './TicketDetail';
import { TicketFiltersBar } from './TicketFiltersBar';
import type { TicketFilters } from './types';
import { useAgents, useTicketList } from './useTicketData';

/** Tickets: a filtered list with SLA badges, and the chosen ticket beside it. */
export function TicketsPage() {
  const { t } = useTranslation('tickets');
  const { ticketId } = useParams();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<TicketFilters>({});
  const tickets = useTicketList(filters);
  const items = tickets.data?.pages.flatMap((page) => page.items) ?? [];
  const agents = useAgents();
  const agentName = (id: string | null) =>
    id === null ? t('nobody') : (agents.data?.find((agent) => agent.id === id)?.name ?? '…');

  return (
    <div className="split-screen">
      <section aria-labelledby="tickets-title">
        <h1 id="tickets-title">{t('title')}</h1>
        <TicketFiltersBar filters={filters} onChange={setFilters} />
        {tickets.isPending && <p className="page-status">{t('loading')}</p>}
        {tickets.isError && <p className="form-error">{t('loadFailed')}</p>}
        {tickets.isSuccess && items.length === 0 && <p className="muted">{t('empty')}</p>}
        {items.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('field.subject')}</th>
                <th scope="col">{t('field.status')}</th>
                <th scope="col">{t('field.priority')}</th>
                <th scope="col">{t('field.assignee')}</th>
                <th scope="col">{t('field.sla')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((ticket) => (
                <tr key={ticket.id} className={ticket.id === ticketId ? 'selected' : undefined}>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void navigate(`/tickets/${ticket.id}`)}
                    >
                      {ticket.subject}
                    </button>
                    <div className="muted small">{dateTimeText(ticket.createdAt)}</div>
                  </td>
                  <td>{t(`status.${ticket.status}`)}</td>
                  <td>{t(`priority.${ticket.priority}`)}</td>
                  <td>{agentName(ticket.assigneeId)}</td>
                  <td>
                    <SlaBadge sla={ticket.sla} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LoadMore pages={tickets} />
      </section>
      {ticketId && <TicketDetail key={ticketId} ticketId={ticketId} />}
    </div>
  );
}
