import { ApiError, errorOf } from './api-error';
import type { Session } from './session';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | readonly string[]>;
  signal?: AbortSignal;
}

/** `?a=1&b=x&b=y`, leaving out undefined values and empty strings. */
export function queryString(query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value as string[]) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The one way the app calls `/api/v1`: the bearer token of the session, one refresh and retry
 * when the token has expired, the hub's error shape as an ApiError.
 */
export class HubHttp {
  constructor(private readonly session: Session) {}

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    let response = await this.send(path, options);
    if (response.status === 401) {
      const error = await errorOf(response);
      if (error.code !== 'AUTH_TOKEN_EXPIRED' && error.code !== 'AUTH_TOKEN_INVALID') {
        this.session.clear();
        throw error;
      }
      if (!(await this.session.refresh())) throw error;
      response = await this.send(path, options);
    }
    if (!response.ok) throw await errorOf(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  get<T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { query, signal });
  }

  /** multipart upload (a file for a message); answers the gateway's JSON. */
  async upload<T>(path: string, form: FormData): Promise<T> {
    const response = await this.send(path, { method: 'POST', body: form });
    if (!response.ok) throw await errorOf(response);
    return (await response.json()) as T;
  }

  private async send(path: string, options: RequestOptions): Promise<Response> {
    const token = this.session.current?.accessToken;
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    const isForm = options.body instanceof FormData;
    if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
    try {
      return await fetch(`/api/v1${path}${queryString(options.query)}`, {
        method: options.method ?? 'GET',
        headers,
        body: isForm
          ? (options.body as FormData)
          : options.body === undefined
            ? undefined
            : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      throw ApiError.network(error);
    }
  }
}
