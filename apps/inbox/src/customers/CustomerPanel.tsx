import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHub } from '../api/HubProvider';
import '../ui/screens.css';
import { CustomerHistory } from './CustomerHistory';
import { CustomerNotes } from './CustomerNotes';
import { CustomerProfile } from './CustomerProfile';
import { customerKey } from './customer-keys';
import { MergeSuggestions } from './MergeSuggestions';
import { VisitTrail } from './VisitTrail';
import type { CustomerView } from './types';
import './customers.css';

export interface CustomerPanelProps {
  customerId: string;
  /** The conversation on screen beside the panel (none when the customer is opened alone). */
  conversationId?: string;
}

/**
 * The customer beside a conversation: profile (editable), identities, attributes, orders, the
 * visit trail, earlier conversations and tickets, notes, and merge suggestions with undo.
 */
export function CustomerPanel({ customerId }: CustomerPanelProps) {
  const { t } = useTranslation('customers');
  const { http } = useHub();
  const customer = useQuery({
    queryKey: customerKey(customerId),
    queryFn: ({ signal }) => http.get<CustomerView>(`/customers/${customerId}`, undefined, signal),
  });
  return (
    <aside className="customer-panel" aria-label={t('title')}>
      {customer.isPending && <p className="muted">{t('loading')}</p>}
      {customer.isError && <p className="form-error">{t('loadFailed')}</p>}
      {customer.data && (
        <>
          <CustomerProfile customer={customer.data} />
          <MergeSuggestions customerId={customerId} />
          <CustomerHistory customerId={customerId} />
          <VisitTrail identities={customer.data.identities} />
          <CustomerNotes customerId={customerId} />
        </>
      )}
    </aside>
  );
}
