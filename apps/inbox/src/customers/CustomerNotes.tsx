import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useHub } from '../api/HubProvider';
import { dateTimeText } from '../ui/time-text';
import { customerKey } from './customer-keys';
import type { NoteView } from './types';

/** Agents' notes on the customer and their conversations (never shown to the customer). */
export function CustomerNotes({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const { http } = useHub();
  const [body, setBody] = useState('');
  const notes = useQuery({
    queryKey: [...customerKey(customerId), 'notes'],
    queryFn: ({ signal }) =>
      http.get<NoteView[]>(`/customers/${customerId}/notes`, undefined, signal),
  });
  const add = useMutation({
    mutationFn: () =>
      http.request<NoteView>(`/customers/${customerId}/notes`, {
        method: 'POST',
        body: { body: body.trim() },
      }),
    onSuccess: () => {
      setBody('');
      void notes.refetch();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="customer-notes">
      <h3 id="customer-notes">{t('notes')}</h3>
      <ul className="trail">
        {(notes.data ?? []).map((note) => (
          <li key={note.id} className="note-card">
            <span className="muted small">{dateTimeText(note.createdAt)}</span>
            <div>{note.body}</div>
          </li>
        ))}
      </ul>
      <form className="stack-form" onSubmit={submit}>
        <label>
          {t('newNote')}
          <textarea rows={2} value={body} onChange={(event) => setBody(event.target.value)} />
        </label>
        <button type="submit" disabled={!body.trim() || add.isPending}>
          {t('addNote')}
        </button>
      </form>
    </section>
  );
}
