import { useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ConversationListPage } from '../../api/types';
import { keys } from '../api/queries';

/** Conversations with unread customer messages, over every list the app holds, each once. */
export function unreadConversations(queryClient: QueryClient): number {
  const unread = new Map<string, number>();
  // The lists are read a page at a time: every loaded page of every list counts.
  for (const [, list] of queryClient.getQueriesData<InfiniteData<ConversationListPage>>({
    queryKey: keys.lists,
  })) {
    for (const page of list?.pages ?? [])
      for (const row of page.items) unread.set(row.id, row.unreadCount);
  }
  return [...unread.values()].filter((count) => count > 0).length;
}

/**
 * Shows the unread conversations in the tab's title ("(3) Inbox") and, where the browser has
 * one, the installed app's badge. It follows the list caches, which the socket keeps current
 * (a customer writes; the agent reads, here or in another tab).
 */
export function useUnreadTitle(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const base = document.title;
    let shown = -1;
    const show = () => {
      const count = unreadConversations(queryClient);
      if (count === shown) return;
      shown = count;
      document.title = count > 0 ? `(${count}) ${base}` : base;
      if ('setAppBadge' in navigator) {
        const badge = count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge();
        // Refused unless the app is installed: the title says it anyway, nothing to do.
        badge.catch(() => undefined);
      }
    };
    show();
    const stop = queryClient.getQueryCache().subscribe((event) => {
      const [feature, kind] = event.query.queryKey as readonly unknown[];
      if (feature === keys.lists[0] && kind === keys.lists[1]) show();
    });
    return () => {
      stop();
      document.title = base;
    };
  }, [queryClient]);
}
