import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../api/types';

// ✓ the channel took it, ✓✓ it reached the customer, blue ✓✓ they read it.
const TICKS = { pending: '', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '' } as const;

/**
 * What became of an outbound message: the channel's delivery status when it reports one
 * (email, social platforms, API inboxes, the web widget's receipts), else "stored" (web chat
 * before the visitor's widget has reported it). A failure names the channel's reason.
 */
export function DeliveryState({ message }: { message: MessageView }) {
  const { t } = useTranslation('conversations');
  const status = message.deliveryStatus;
  if (!status) return <span className="delivery stored">{t('delivery.stored')}</span>;
  if (status === 'failed')
    return (
      <span className="delivery failed" role="alert">
        {message.deliveryError
          ? t('delivery.notDelivered', { reason: message.deliveryError })
          : t('delivery.notDeliveredNoReason')}
      </span>
    );
  const label = t(`delivery.${status}`);
  return (
    <span className={`delivery ${status}`} aria-label={label} title={label}>
      {TICKS[status] ? (
        <span className="delivery-ticks" aria-hidden="true">
          {TICKS[status]}
        </span>
      ) : null}
      <span aria-hidden="true">{label}</span>
    </span>
  );
}
