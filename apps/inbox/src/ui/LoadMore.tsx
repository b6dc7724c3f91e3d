import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './load-more.css';

/**
 * The end of a paged list: loads the next page when it scrolls into view, and stays a plain
 * button (reachable by Tab, pressed with Enter) for keyboards and browsers that do not scroll.
 */
export function LoadMore(props: { hasMore: boolean; loading: boolean; onLoadMore: () => void }) {
  const { t } = useTranslation('app');
  const button = useRef<HTMLButtonElement>(null);
  const { hasMore, loading, onLoadMore } = props;
  useEffect(() => {
    const element = button.current;
    if (!element || !hasMore || loading) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loading, onLoadMore]);
  if (!hasMore) return null;
  return (
    // Never disabled while loading: focus stays on it, and a second press while a page is on its
    // way asks for nothing more (the query dedupes).
    <button
      ref={button}
      type="button"
      className="load-more"
      aria-busy={loading}
      onClick={onLoadMore}
    >
      {t('loadMore')}
    </button>
  );
}
