import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './load-more.css';

/** What LoadMore needs of a TanStack Query `useInfiniteQuery` result. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: (options: { cancelRefetch: boolean }) => Promise<unknown>;
}

/**
 * The end of a paged list: loads the next page when it scrolls into view, and stays a plain
 * button (reachable by Tab, pressed with Enter) for keyboards and browsers that do not scroll.
 */
export function LoadMore({ pages }: { pages: PagedQuery }) {
  const { t } = useTranslation('app');
  const button = useRef<HTMLButtonElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  // A page already on its way is not asked for again (cancelRefetch: false).
  const loadMore = useCallback(() => void fetchNextPage({ cancelRefetch: false }), [fetchNextPage]);
  useEffect(() => {
    const element = button.current;
    if (!element || !hasNextPage || isFetchingNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, loadMore]);
  if (!hasNextPage) return null;
  return (
    // Never disabled while loading: focus stays on it for the next press.
    <button
      ref={button}
      type="button"
      className="load-more"
      aria-busy={isFetchingNextPage}
      onClick={loadMore}
    >
      {t('loadMore')}
    </button>
  );
}
