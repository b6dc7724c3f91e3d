import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ConversationListItem } from '../../api/types';
import { useConversationList, useDepartments, useTags } from '../api/queries';
import { ChannelBadge } from '../view/ChannelBadge';
import { LoadMore } from '../../ui/LoadMore';
import { useSlaFilterOptions } from '../../ui/sla-filter';
import { TagChip } from '../../ui/TagChip';
import {
  CHANNELS,
  filterFromParams,
  paramsFromFilter,
  PRIORITIES,
  STATUSES,
  VIEWS,
  type ListFilter,
} from './list-filter';

/** Typing pauses this long before the search goes to the hub. */
const SEARCH_DELAY_MS = 300;

export function ConversationList({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation('conversations');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const list = useConversationList(filter);
  const departments = useDepartments();
  const tags = useTags();
  const slaOptions = useSlaFilterOptions();
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
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
        <SearchField value={filter.search} onSearch={(search) => change({ search })} />
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
        <FilterSelect
          label={t('filters.tag')}
          value={filter.tagId}
          options={(tags.data ?? []).map((tag) => [tag.id, tag.name])}
          onChange={(tagId) => change({ tagId })}
        />
        <FilterSelect
          label={t('filters.sla')}
          value={filter.sla}
          options={slaOptions}
          onChange={(sla) => change({ sla: sla as ListFilter['sla'] })}
        />
      </div>
      {list.isError ? <p role="alert">{t('list.failed')}</p> : null}
      {/* Rows and the load-more button scroll together: the button loads when scrolled to. */}
      <div className="conversation-scroll">
        <ul className="conversation-rows" aria-busy={list.isFetching}>
          {rows.map((conversation) => (
            <ConversationRow
              key={conversation.id}
              conversation={conversation}
              selected={conversation.id === selectedId}
              search={params.toString()}
            />
          ))}
        </ul>
        <LoadMore pages={list} />
      </div>
      {list.isSuccess && rows.length === 0 ? <p className="muted pad">{t('list.empty')}</p> : null}
    </section>
  );
}

/** The search box: the address bar (and the hub) get the text once typing pauses. */
function SearchField(props: { value: string | undefined; onSearch: (text?: string) => void }) {
  const { t } = useTranslation('conversations');
  const [text, setText] = useState(props.value ?? '');
  const { value, onSearch } = props;
  useEffect(() => {
    const wanted = text.trim() || undefined;
    if (wanted === value) return;
    const timer = setTimeout(() => onSearch(wanted), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <input
      type="search"
      aria-label={t('filters.search')}
      placeholder={t('filters.searchHint')}
      maxLength={100}
      value={text}
      onChange={(event) => setText(event.target.value)}
    />
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
  conversation: ConversationListItem;
  selected: boolean;
  search: string;
}) {
  const { t, i18n } = useTranslation('conversations');
  const { conversation } = props;
  const unread = props.selected ? 0 : conversation.unreadCount;
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
          {conversation.tags.length > 0 ? (
            <span className="row-tags">
              {conversation.tags.map((tag) => (
                <TagChip key={tag.id} tag={tag} />
              ))}
            </span>
          ) : null}
        </span>
        <span className="row-side">
          <time dateTime={conversation.updatedAt}>{time}</time>
          {unread > 0 ? (
            <span className="unread" aria-label={t('list.unread', { count: unread })}>
              {unread >= 100 ? '99+' : unread}
            </span>
          ) : null}
        </span>
      </Link>
    </li>
  );
}
