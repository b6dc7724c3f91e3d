import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './load-more.css';

/** What LoadMore needs of a TanStack Query `useInfiniteQuery` result. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: (options: { cancelRefetch: boolean }) => Promise<{ hasNextPage: boolean }>;
}

/**
 * The end of a paged list: loads the next page when it scrolls into view, and stays a plain
 * button (reachable by Tab, pressed with Enter) for keyboards and browsers that do not scroll.
 */
export function LoadMore({ pages }: { pages: PagedQuery }) {
  const { t } = useTranslation('app');
  const button = useRef<HTMLButtonElement>(null);
  const { hasNextPage, isFetching, isFetchingNextPage, fetchNextPage } = pages;
  // A page already on its way is not asked for again (cancelRefetch: false). While the pages
  // shown are being read again (the socket became ready, an event invalidated the list), the
  // same call answers with that read and asks for nothing: the next page is asked for after it.
  const loadMore = useCallback(() => {
    const refreshing = isFetching && !isFetchingNextPage;
    void fetchNextPage({ cancelRefetch: false }).then((after) =>
      refreshing && after.hasNextPage ? fetchNextPage({ cancelRefetch: false }) : undefined,
    );
  }, [fetchNextPage, isFetching, isFetchingNextPage]);
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
