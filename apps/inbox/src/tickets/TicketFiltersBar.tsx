import { useTranslation } from 'react-i18next';
import { useSlaFilterOptions } from '../ui/sla-filter';
import { PRIORITIES, TICKET_STATUSES, type TicketFilters } from './types';
import { useAgents, useCategories } from './useTicketData';

/** Status, priority, category, assignee and SLA: each a select, "any" clears it. */
export function TicketFiltersBar(props: {
  filters: TicketFilters;
  onChange: (filters: TicketFilters) => void;
}) {
  const { t } = useTranslation('tickets');
  const agents = useAgents();
  const categories = useCategories();
  const slaOptions = useSlaFilterOptions();
  const set = (field: keyof TicketFilters) => (value: string) =>
    props.onChange({ ...props.filters, [field]: value || undefined });
  return (
    <div className="filters" role="group" aria-label={t('filters')}>
      <FilterSelect
        label={t('field.status')}
        value={props.filters.status}
        onChange={set('status')}
        options={TICKET_STATUSES.map((status) => [status, t(`status.${status}`)])}
      />
      <FilterSelect
        label={t('field.priority')}
        value={props.filters.priority}
        onChange={set('priority')}
        options={PRIORITIES.map((priority) => [priority, t(`priority.${priority}`)])}
      />
      <FilterSelect
        label={t('field.category')}
        value={props.filters.categoryId}
        onChange={set('categoryId')}
        options={(categories.data ?? []).map((category) => [category.id, category.name])}
      />
      <FilterSelect
        label={t('field.assignee')}
        value={props.filters.assigneeId}
        onChange={set('assigneeId')}
        options={[
          ['me', t('me')],
          ...(agents.data ?? []).map((agent): [string, string] => [agent.id, agent.name]),
        ]}
      />
      <FilterSelect
        label={t('field.sla')}
        value={props.filters.sla}
        onChange={set('sla')}
        options={slaOptions}
      />
    </div>
  );
}

function FilterSelect(props: {
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  options: [string, string][];
}) {
  const { t } = useTranslation('tickets');
  return (
    <label>
      {props.label}
      <select value={props.value ?? ''} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{t('any')}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
