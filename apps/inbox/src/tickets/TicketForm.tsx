import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useHub } from '../api/HubProvider';
import {
  NEXT_STATUSES,
  PRIORITIES,
  type TicketChange,
  type TicketStatus,
  type TicketView,
  type Priority,
} from './types';
import { useAgents, useCategories } from './useTicketData';

/** `datetime-local` value of an instant, in the browser's zone. */
function localInput(iso: string | null): string {
  if (!iso) return '';
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * Status, priority, category, assignee and due time, saved with the version the form was
 * loaded on: a ticket someone changed meanwhile is a conflict, shown as such, never overwritten.
 */
export function TicketForm({ ticket, onReload }: { ticket: TicketView; onReload: () => void }) {
  const { t } = useTranslation('tickets');
  const { http } = useHub();
  const client = useQueryClient();
  const agents = useAgents();
  const categories = useCategories();
  const [status, setStatus] = useState<TicketStatus>(ticket.status);
  const [priority, setPriority] = useState<Priority>(ticket.priority);
  const [categoryId, setCategoryId] = useState(ticket.categoryId ?? '');
  const [assigneeId, setAssigneeId] = useState(ticket.assigneeId ?? '');
  const [dueAt, setDueAt] = useState(localInput(ticket.dueAt));

  const change = (): TicketChange => {
    const next: TicketChange = {};
    if (status !== ticket.status) next.status = status;
    if (priority !== ticket.priority) next.priority = priority;
    if (categoryId !== (ticket.categoryId ?? '')) next.categoryId = categoryId || null;
    if (assigneeId !== (ticket.assigneeId ?? '')) next.assigneeId = assigneeId || null;
    if (dueAt !== localInput(ticket.dueAt))
      next.dueAt = dueAt ? new Date(dueAt).toISOString() : null;
    return next;
  };
  const save = useMutation({
    mutationFn: () =>
      http.request<TicketView>(`/tickets/${ticket.id}`, {
        method: 'PATCH',
        body: { version: ticket.version, ...change() },
      }),
    onSuccess: (saved) => {
      client.setQueryData(['tickets', ticket.id], saved);
      void client.invalidateQueries({ queryKey: ['tickets', 'list'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const code = save.error instanceof ApiError ? save.error.code : null;
  const statuses: TicketStatus[] = [ticket.status, ...NEXT_STATUSES[ticket.status]];

  return (
    <form className="stack-form" onSubmit={submit} aria-label={t('edit')}>
      <label>
        {t('field.status')}
        <select value={status} onChange={(e) => setStatus(e.target.value as TicketStatus)}>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field.priority')}
        <select value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
          {PRIORITIES.map((value) => (
            <option key={value} value={value}>
              {t(`priority.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field.category')}
        <select value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          <option value="">{t('none')}</option>
          {(categories.data ?? []).map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field.assignee')}
        <select value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
          <option value="">{t('nobody')}</option>
          {(agents.data ?? []).map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('field.dueAt')}
        <input type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('save')}
      </button>
      {code === 'TICKET_CONFLICT' ? (
        <div role="alert" className="form-error">
          <p>{t('conflict')}</p>
          <button type="button" onClick={onReload}>
            {t('reload')}
          </button>
        </div>
      ) : (
        code && (
          <p role="alert" className="form-error">
            {t(`error.${code}`, { defaultValue: t('error.other') })}
          </p>
        )
      )}
      {save.isSuccess && (
        <p role="status" className="muted">
          {t('saved')}
        </p>
      )}
    </form>
  );
}
