import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHub } from '../api/HubProvider';
import { customerKey } from './customer-keys';
import type { CustomerMergeView, LinkSuggestionView } from './types';

/**
 * Other customers who may be the same person: merge one into this customer (everything of theirs
 * moves here), or dismiss it; the last merge can be undone exactly.
 */
export function MergeSuggestions({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const { http } = useHub();
  const client = useQueryClient();
  const [lastMerge, setLastMerge] = useState<CustomerMergeView | null>(null);
  const suggestions = useQuery({
    queryKey: [...customerKey(customerId), 'suggestions'],
    queryFn: ({ signal }) =>
      http.get<LinkSuggestionView[]>(
        `/customers/${customerId}/link-suggestions`,
        undefined,
        signal,
      ),
  });
  const refresh = () => client.invalidateQueries({ queryKey: customerKey(customerId) });
  const merge = useMutation({
    mutationFn: (otherCustomerId: string) =>
      http.request<CustomerMergeView>(`/customers/${customerId}/merge`, {
        method: 'POST',
        body: { otherCustomerId },
      }),
    onSuccess: async (done) => {
      setLastMerge(done);
      await refresh();
    },
  });
  const undo = useMutation({
    mutationFn: (mergeId: string) =>
      http.request<CustomerMergeView>(`/customer-merges/${mergeId}/undo`, { method: 'POST' }),
    onSuccess: async () => {
      setLastMerge(null);
      await refresh();
    },
  });
  const dismiss = useMutation({
    mutationFn: (suggestionId: string) =>
      http.request(`/customers/${customerId}/link-suggestions/${suggestionId}`, {
        method: 'POST',
        body: { decision: 'dismiss' },
      }),
    onSuccess: refresh,
  });
  const pending = suggestions.data ?? [];
  if (pending.length === 0 && !lastMerge) return null;
  return (
    <section aria-labelledby="merge-suggestions">
      <h3 id="merge-suggestions">{t('mergeSuggestions')}</h3>
      {lastMerge && (
        <p role="status">
          {t('merged')}{' '}
          <button type="button" onClick={() => undo.mutate(lastMerge.id)} disabled={undo.isPending}>
            {t('undoMerge')}
          </button>
        </p>
      )}
      <ul>
        {pending.map((suggestion) => (
          <li key={suggestion.id}>
            {suggestion.candidateName ?? t('anonymous')}{' '}
            <span className="muted small">({t(`reason.${suggestion.reason}`)})</span>{' '}
            <button
              type="button"
              onClick={() => merge.mutate(suggestion.candidateId)}
              disabled={merge.isPending}
              aria-label={t('mergeWho', { name: suggestion.candidateName ?? t('anonymous') })}
            >
              {t('merge')}
            </button>{' '}
            <button type="button" onClick={() => dismiss.mutate(suggestion.id)}>
              {t('dismiss')}
            </button>
          </li>
        ))}
      </ul>
      {(merge.isError || undo.isError) && (
        <p role="alert" className="form-error">
          {t('mergeFailed')}
        </p>
      )}
    </section>
  );
}
