import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHub } from '../api/HubProvider';
import { dateTimeText, durationText } from '../ui/time-text';
import type { CustomerIdentityView, TrailPageView } from './types';

const SHOWN_PAGES = 20;

/** The pages the customer opened on the website (each web identity is a widget visitor). */
export function VisitTrail({ identities }: { identities: CustomerIdentityView[] }) {
  const { t } = useTranslation('customers');
  const { http } = useHub();
  const visitors = identities.filter((i) => i.channel === 'web' && i.kind === 'channel');
  const trails = useQueries({
    queries: visitors.map((identity) => ({
      queryKey: ['visitors', identity.externalId, 'trail'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        http.get<{ pages: TrailPageView[] }>(
          `/visitors/${identity.externalId}/trail`,
          undefined,
          signal,
        ),
    })),
  });
  const pages = trails
    .flatMap((trail) => trail.data?.pages ?? [])
    .sort((a, b) => b.viewedAt.localeCompare(a.viewedAt))
    .slice(0, SHOWN_PAGES);
  if (visitors.length === 0) return null;
  return (
    <section aria-labelledby="customer-trail">
      <h3 id="customer-trail">{t('trail')}</h3>
      {pages.length === 0 && <p className="muted">{t('noPages')}</p>}
      <ol className="trail">
        {pages.map((page) => (
          <li key={`${page.visitId}-${page.viewedAt}`}>
            <div>{page.title || page.url}</div>
            <div className="muted small">
              {dateTimeText(page.viewedAt)} ·{' '}
              {page.durationMs === null ? t('onItNow') : durationText(page.durationMs)}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
