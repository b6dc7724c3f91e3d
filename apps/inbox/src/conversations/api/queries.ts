import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { useHub } from '../../api/HubProvider';
import type {
  AgentView,
  CannedResponseView,
  ConversationListItem,
  ConversationListPage,
  ConversationReadView,
  ConversationView,
  DepartmentView,
  MessageView,
  NoteView,
  TagView,
} from '../../api/types';
import { queryFromFilter, type ListFilter } from '../list/list-filter';

/** Query keys of the conversations feature, so live updates touch exactly these caches. */
export const keys = {
  lists: ['conversations', 'list'] as const,
  list: (filter: ListFilter) => ['conversations', 'list', filter] as const,
  one: (id: string) => ['conversations', 'one', id] as const,
  allMessages: ['conversations', 'messages'] as const,
  messages: (id: string) => ['conversations', 'messages', id] as const,
  notes: (id: string) => ['conversations', 'notes', id] as const,
  canned: ['canned-responses'] as const,
  agents: ['agents'] as const,
  departments: ['departments'] as const,
  tags: ['tags'] as const,
  tagsOf: (id: string) => ['conversations', 'tags', id] as const,
};

/**
 * The list a page at a time (the hub's keyset cursor). A live update invalidates it, and TanStack
 * Query then reads again every page loaded so far, from the first, so the rows stay in order.
 */
export function useConversationList(filter: ListFilter) {
  const { http } = useHub();
  return useInfiniteQuery({
    queryKey: keys.list(filter),
    queryFn: ({ signal, pageParam }) =>
      http.get<ConversationListPage>(
        '/conversations',
        { ...queryFromFilter(filter), cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new filter or search keeps the rows on screen until its answer replaces them.
    placeholderData: keepPreviousData,
  });
}

/** Changes one conversation's row in every cached page of every list. */
export function updateListRow(
  queryClient: QueryClient,
  conversationId: string,
  update: (row: ConversationListItem) => ConversationListItem,
): void {
  queryClient.setQueriesData<InfiniteData<ConversationListPage>>(
    { queryKey: keys.lists },
    (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((row) => (row.id === conversationId ? update(row) : row)),
            })),
          }
        : data,
  );
}

/** Sets a conversation's unread count in every cached list page. */
export function setUnread(
  queryClient: QueryClient,
  conversationId: string,
  count: (before: number) => number,
): void {
  updateListRow(queryClient, conversationId, (row) => ({
    ...row,
    unreadCount: count(row.unreadCount),
  }));
}

/** Tells the hub the agent has read a conversation up to a seq; the list's badge follows. */
export function useMarkRead(conversationId: string) {
  const { http } = useHub();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seq: number) =>
      http.request<ConversationReadView>(`/conversations/${conversationId}/read`, {
        method: 'POST',
        body: { seq },
      }),
    onSuccess: (read) => setUnread(queryClient, conversationId, () => read.unreadCount),
  });
}

export function useTags() {
  const { http } = useHub();
  return useQuery({
    queryKey: keys.tags,
    queryFn: ({ signal }) => http.get<TagView[]>('/tags', {}, signal),
    // Read again whenever a list or header mounts: an admin may have just added one (no socket
    // event tells of tags).
    staleTime: 0,
  });
}

export function useConversationTags(id: string) {
  const { http } = useHub();
  return useQuery({
    queryKey: keys.tagsOf(id),
    queryFn: ({ signal }) => http.get<TagView[]>(`/conversations/${id}/tags`, {}, signal),
  });
}

/** Puts a tag on the conversation or takes it off; lists filtered by tag are read again. */
export function useSetConversationTag(id: string) {
  const { http } = useHub();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tagId, tagged }: { tagId: string; tagged: boolean }) =>
      http.request<TagView[]>(`/conversations/${id}/tags/${tagId}`, {
        method: tagged ? 'PUT' : 'DELETE',
      }),
    onSuccess: async (tags) => {
      queryClient.setQueryData(keys.tagsOf(id), tags);
      await queryClient.invalidateQueries({ queryKey: keys.lists });
    },
  });
}

export function useConversation(id: string) {
  const { http } = useHub();
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => http.get<ConversationView>(`/conversations/${id}`, {}, signal),
  });
}

export function useMessages(id: string) {
  const { http } = useHub();
  return useQuery({
    queryKey: keys.messages(id),
    queryFn: ({ signal }) =>
      http.get<MessageView[]>(`/conversations/${id}/messages`, { limit: 500 }, signal),
    staleTime: Infinity, // kept current by the socket (resume by seq)
  });
}

export function useNotes(id: string) {
  const { http } = useHub();
  return useQuery({
    queryKey: keys.notes(id),
    queryFn: ({ signal }) => http.get<NoteView[]>(`/conversations/${id}/notes`, {}, signal),
  });
}

export function useCannedResponses() {
  const { http } = useHub();
  return useQuery({
    queryKey: keys.canned,
    queryFn: ({ signal }) => http.get<CannedResponseView[]>('/canned-responses', {}, signal),
    staleTime: 5 * 60_000,
  });
}

export function useAgents() {
  const { http } = useHub();
  return useQuery({
    queryKey: keys.agents,
    queryFn: ({ signal }) => http.get<AgentView[]>('/agents', {}, signal),
  });
}

export function useDepartments() {
  const { http } = useHub();
  return useQuery({
    queryKey: keys.departments,
    queryFn: ({ signal }) => http.get<DepartmentView[]>('/departments', {}, signal),
    staleTime: 5 * 60_000,
  });
}
