import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHub } from '../api/HubProvider';
import { NoteComposer, NoteList } from '../ui/Notes';
import { customerKey } from './customer-keys';
import type { NoteView } from './types';

/** Agents' notes on the customer and their conversations (never shown to the customer). */
export function CustomerNotes({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const { http } = useHub();
  const notes = useQuery({
    queryKey: [...customerKey(customerId), 'notes'],
    queryFn: ({ signal }) =>
      http.get<NoteView[]>(`/customers/${customerId}/notes`, undefined, signal),
  });
  const send = async (body: string) => {
    await http.request(`/customers/${customerId}/notes`, { method: 'POST', body: { body } });
    await notes.refetch();
  };
  return (
    <section aria-labelledby="customer-notes">
      <h3 id="customer-notes">{t('notes')}</h3>
      <NoteList notes={notes.data ?? []} />
      <NoteComposer
        label={t('newNote')}
        submitLabel={t('addNote')}
        failedText={t('noteFailed')}
        send={send}
      />
    </section>
  );
}
