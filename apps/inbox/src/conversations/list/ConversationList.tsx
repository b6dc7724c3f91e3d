import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ConversationView } from '../../api/types';
import { useConversationList, useDepartments } from '../api/queries';
import { useLive } from '../live/ConversationsLive';
import { ChannelBadge } from '../view/ChannelBadge';
import {
  applyPageFilter,
  CHANNELS,
  filterFromParams,
  paramsFromFilter,
  PRIORITIES,
  STATUSES,
  VIEWS,
  type ListFilter,
} from './list-filter';

export function ConversationList({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation('conversations');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const list = useConversationList({
    view: filter.view,
    status: filter.status,
    departmentId: filter.departmentId,
  });
  const departments = useDepartments();
  const rows = applyPageFilter(list.data ?? [], filter);
  const change = (changes: Partial<ListFilter>) =>
    setParams(paramsFromFilter({ ...filter, ...changes }), { replace: true });

  return (
    <section className="conversation-list" aria-label={t('list.label')}>
      <div role="tablist" aria-label={t('tabs.label')} className="tabs">
        {VIEWS.map((view) => (
          <button
            key={view}
            role="tab"
            type="button"
            aria-selected={filter.view === view}
            onClick={() => change({ view })}
          >
            {t(`tabs.${view}`)}
          </button>
        ))}
      </div>
      <div className="filters">
        <input
          type="search"
          aria-label={t('filters.search')}
          placeholder={t('filters.search')}
          value={filter.search ?? ''}
          onChange={(event) => change({ search: event.target.value || undefined })}
        />
        <FilterSelect
          label={t('filters.status')}
          value={filter.status}
          options={STATUSES.map((status) => [status, t(`status.${status}`)])}
          onChange={(status) => change({ status: status as ListFilter['status'] })}
        />
        <FilterSelect
          label={t('filters.channel')}
          value={filter.channel}
          options={CHANNELS.map((channel) => [channel, t(`channel.${channel}`)])}
          onChange={(channel) => change({ channel })}
        />
        <FilterSelect
          label={t('filters.priority')}
          value={filter.priority}
          options={PRIORITIES.map((priority) => [priority, t(`priority.${priority}`)])}
          onChange={(priority) => change({ priority })}
        />
        <FilterSelect
          label={t('filters.department')}
          value={filter.departmentId}
          options={(departments.data ?? []).map((department) => [department.id, department.name])}
          onChange={(departmentId) => change({ departmentId })}
        />
      </div>
      {list.isError ? <p role="alert">{t('list.failed')}</p> : null}
      <ul className="conversation-rows">
        {rows.map((conversation) => (
          <ConversationRow
            key={conversation.id}
            conversation={conversation}
            selected={conversation.id === selectedId}
            search={params.toString()}
          />
        ))}
      </ul>
      {list.isSuccess && rows.length === 0 ? <p className="muted pad">{t('list.empty')}</p> : null}
    </section>
  );
}

function FilterSelect(props: {
  label: string;
  value: string | undefined;
  options: [string, string][];
  onChange(value: string | undefined): void;
}) {
  const { t } = useTranslation('conversations');
  return (
    <select
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(event) => props.onChange(event.target.value || undefined)}
    >
      <option value="">
        {props.label}: {t('filters.any')}
      </option>
      {props.options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
}

function ConversationRow(props: {
  conversation: ConversationView;
  selected: boolean;
  search: string;
}) {
  const { t, i18n } = useTranslation('conversations');
  const { reads } = useLive();
  const { conversation } = props;
  const unread = props.selected ? 0 : reads.unread(conversation.id, conversation.lastSeq);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
    new Date(conversation.updatedAt),
  );
  return (
    <li>
      <Link
        to={`/conversations/${conversation.id}?${props.search}`}
        aria-current={props.selected ? 'page' : undefined}
        className="conversation-row"
      >
        <ChannelBadge channel={conversation.channel} />
        <span className="row-main">
          <span className="row-title">{conversation.customerExternalId}</span>
          <span className="row-meta">
            {t(`status.${conversation.status}`)} · {t(`priority.${conversation.priority}`)}
          </span>
        </span>
        <span className="row-side">
          <time dateTime={conversation.updatedAt}>{time}</time>
          {unread > 0 ? (
            <span className="unread" aria-label={t('list.unread', { count: unread })}>
              {unread}
            </span>
          ) : null}
        </span>
      </Link>
    </li>
  );
}
