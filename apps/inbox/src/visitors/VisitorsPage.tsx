import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { durationText } from '../ui/time-text';
import type { VisitorView } from './types';
import { useOnlineVisitors } from './useOnlineVisitors';
import { VisitorDetail } from './VisitorDetail';
import '../ui/screens.css';

/** Live visitors: who is on the site now, updating as they move; invite one, read a trail. */
export function VisitorsPage() {
  const { t } = useTranslation('visitors');
  const visitors = useOnlineVisitors();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const now = useNow(15_000);
  const list = [...(visitors.data ?? [])].sort((a, b) =>
    a.onlineSince.localeCompare(b.onlineSince),
  );
  const selected = list.find((visitor) => visitor.visitorId === selectedId) ?? null;

  return (
    <div className="split-screen">
      <section className="visitors-list" aria-labelledby="visitors-title">
        <h1 id="visitors-title">
          {t('title')} <span className="muted">({list.length})</span>
        </h1>
        {visitors.isPending && <p className="page-status">{t('loading')}</p>}
        {visitors.isError && <p className="form-error">{t('loadFailed')}</p>}
        {visitors.isSuccess && list.length === 0 && <p className="muted">{t('empty')}</p>}
        {list.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('column.page')}</th>
                <th scope="col">{t('column.source')}</th>
                <th scope="col">{t('column.location')}</th>
                <th scope="col">{t('column.visits')}</th>
                <th scope="col">{t('column.timeOnSite')}</th>
                <th scope="col">{t('column.chat')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((visitor) => (
                <VisitorRow
                  key={visitor.visitorId}
                  visitor={visitor}
                  now={now}
                  selected={visitor.visitorId === selectedId}
                  onSelect={() => setSelectedId(visitor.visitorId)}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {selected && <VisitorDetail visitor={selected} onClose={() => setSelectedId(null)} />}
    </div>
  );
}

function VisitorRow(props: {
  visitor: VisitorView;
  now: number;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation('visitors');
  const { visitor } = props;
  const location = [visitor.city, visitor.country].filter(Boolean).join(', ');
  return (
    <tr className={props.selected ? 'selected' : undefined}>
      <td>
        <button type="button" className="link-button" onClick={props.onSelect}>
          {visitor.currentTitle || visitor.currentUrl}
        </button>
        <div className="muted small">{visitor.currentUrl}</div>
      </td>
      <td>
        {t(`source.${visitor.source}`)}
        {visitor.searchKeyword && <div className="muted small">“{visitor.searchKeyword}”</div>}
      </td>
      <td>{location || t('unknown')}</td>
      <td>{visitor.firstVisit ? t('firstVisit') : visitor.visitCount}</td>
      <td>{durationText(props.now - Date.parse(visitor.onlineSince))}</td>
      <td>
        <span className={visitor.chatting ? 'badge badge-live' : 'badge'}>
          {visitor.chatting ? t('chatting') : t('notChatting')}
        </span>
      </td>
    </tr>
  );
}

/** The current time, moving every `intervalMs` (for "time on site"). */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
