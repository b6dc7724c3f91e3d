import { useTranslation } from 'react-i18next';
import { dateTimeText } from '../ui/time-text';
import type { ListedTicket } from './types';

/** Where a ticket stands against its SLA, and when it is due. */
export function SlaBadge({ sla }: { sla: ListedTicket['sla'] }) {
  const { t } = useTranslation('tickets');
  if (!sla) return <span className="muted">{t('sla.none')}</span>;
  return (
    <span>
      <span className={`badge badge-${sla.standing}`}>{t(`sla.${sla.standing}`)}</span>
      {sla.dueAt && (
        <div className="muted small">{t('sla.due', { at: dateTimeText(sla.dueAt) })}</div>
      )}
    </span>
  );
}
