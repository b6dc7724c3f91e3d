import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useHub } from '../api/HubProvider';
import { dateTimeText } from '../ui/time-text';
import '../ui/screens.css';
import { SlaBadge } from './SlaBadge';
import { TicketDetail } from './TicketDetail';
import { TicketFiltersBar } from './TicketFiltersBar';
import type { TicketFilters, TicketPage } from './types';
import { useAgents } from './useTicketData';

/** Tickets: a filtered list with SLA badges, and the chosen ticket beside it. */
export function TicketsPage() {
  const { t } = useTranslation('tickets');
  const { http } = useHub();
  const { ticketId } = useParams();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<TicketFilters>({});
  const tickets = useQuery({
    queryKey: ['tickets', 'list', filters],
    queryFn: ({ signal }) => http.get<TicketPage>('/tickets', { ...filters, limit: 50 }, signal),
  });
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
        {tickets.data?.items.length === 0 && <p className="muted">{t('empty')}</p>}
        {tickets.data && tickets.data.items.length > 0 && (
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
              {tickets.data.items.map((ticket) => (
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
      </section>
      {ticketId && <TicketDetail key={ticketId} ticketId={ticketId} />}
    </div>
  );
}
