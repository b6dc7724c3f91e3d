import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useHub } from '../api/HubProvider';
import type { RequestOptions } from '../api/http';

/** What the settings screens read, each list under its REST path. */
export interface AdminAgent {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'supervisor' | 'agent';
  active: boolean;
  maxConcurrentChats: number;
  departmentIds: string[];
  locale: string;
}
export interface AdminDepartment {
  id: string;
  name: string;
  agentIds: string[];
  queueLength: number;
  vipOnly: boolean;
}
export interface AdminInbox {
  id: string;
  channel: string;
  name: string;
  settings: Record<string, unknown>;
  secretsSet: string[];
}
export interface AdminCannedResponse {
  id: string;
  shortcut: string;
  text: string;
  scope: 'shared' | 'personal';
}
export interface AdminApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  key?: string;
}

/** What the admin API answers at `path` (e.g. `/workspace/settings`), cached under that path. */
export function useAdminRead<T>(path: string) {
  const { http } = useHub();
  return useQuery({
    queryKey: ['settings', path] as QueryKey,
    queryFn: ({ signal }) => http.get<T>(path, {}, signal),
  });
}

/** A list the admin API answers at `path` (e.g. `/agents`). */
export function useAdminList<T>(path: string) {
  return useAdminRead<T[]>(path);
}

/** A write; the lists named in `refreshes` are read again once it succeeded. */
export function useAdminWrite<I, O = unknown>(
  request: (input: I) => { path: string } & Pick<RequestOptions, 'method' | 'body'>,
  refreshes: readonly string[],
) {
  const { http } = useHub();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => {
      const { path, ...options } = request(input);
      return http.request<O>(path, options);
    },
    onSuccess: () =>
      Promise.all(
        refreshes.map((path) => queries.invalidateQueries({ queryKey: ['settings', path] })),
      ),
  });
}
