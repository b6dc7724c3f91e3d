import { useQuery } from '@tanstack/react-query';
import { useHub } from '../../api/HubProvider';
import type {
  AgentView,
  CannedResponseView,
  ConversationView,
  DepartmentView,
  MessageView,
  NoteView,
} from '../../api/types';
import type { ListFilter } from '../list/list-filter';

/** Query keys of the conversations feature, so live updates touch exactly these caches. */
export const keys = {
  lists: ['conversations', 'list'] as const,
  list: (filter: ListFilter) => ['conversations', 'list', filter] as const,
  one: (id: string) => ['conversations', 'one', id] as const,
  messages: (id: string) => ['conversations', 'messages', id] as const,
  notes: (id: string) => ['conversations', 'notes', id] as const,
  canned: ['canned-responses'] as const,
  agents: ['agents'] as const,
  departments: ['departments'] as const,
};

export function useConversationList(filter: ListFilter) {
  const { http } = useHub();
  return useQuery({
    queryKey: keys.list(filter),
    queryFn: ({ signal }) =>
      http.get<ConversationView[]>(
        '/conversations',
        { view: filter.view, status: filter.status, departmentId: filter.departmentId, limit: 100 },
        signal,
      ),
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
