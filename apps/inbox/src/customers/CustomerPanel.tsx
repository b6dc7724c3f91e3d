import { useTranslation } from 'react-i18next';

export interface CustomerPanelProps {
  customerId: string;
  conversationId: string;
}

// Placeholder: inbox-screens replaces this with the customer's profile, identities, orders,
// trail, history, notes and merge.
export function CustomerPanel({ customerId }: CustomerPanelProps) {
  const { t } = useTranslation('app');
  return (
    <aside className="customer-panel" aria-label={t('customer.title')}>
      <h2>{t('customer.title')}</h2>
      <p className="muted">{customerId}</p>
    </aside>
  );
}
