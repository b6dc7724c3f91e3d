import { useTranslation } from 'react-i18next';

// The SLA choices the conversation and ticket lists both offer: a standing, or "falls due within"
// so many minutes (the hub's `sla` and `slaDueWithin` query parameters).
const DUE_WITHIN_MINUTES = { due30: 30, due60: 60, due240: 240 } as const;
export const SLA_FILTERS = ['breached', 'at_risk', 'due30', 'due60', 'due240'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

/** The list request's query for a choice (nothing for none). */
export function slaQuery(filter: SlaFilter | undefined): {
  sla?: 'breached' | 'at_risk';
  slaDueWithin?: number;
} {
  if (filter === undefined) return {};
  if (filter === 'breached' || filter === 'at_risk') return { sla: filter };
  return { slaDueWithin: DUE_WITHIN_MINUTES[filter] };
}

/** Each choice with its label in the agent's language; durations through Intl. */
export function useSlaFilterOptions(): [SlaFilter, string][] {
  const { t, i18n } = useTranslation('app');
  const duration = (minutes: number) =>
    new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: minutes < 60 ? 'minute' : 'hour',
      unitDisplay: 'short',
    }).format(minutes < 60 ? minutes : minutes / 60);
  return SLA_FILTERS.map((filter) => [
    filter,
    filter === 'breached' || filter === 'at_risk'
      ? t(`slaFilter.${filter}`)
      : t('slaFilter.dueWithin', { duration: duration(DUE_WITHIN_MINUTES[filter]) }),
  ]);
}
