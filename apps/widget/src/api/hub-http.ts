import type { Attachment, Locale, VisitorSession, WidgetConfig } from './types';

/** A refused request: the hub's error shape (`{ status, code, message }`). */
export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`);
  }
}

export interface OfflineMessage {
  name: string;
  email: string;
  message: string;
  departmentId?: string;
}

export interface Identity {
  id: string;
  name?: string;
  email?: string;
  hash: string;
}

/** Every HTTP call of the widget to connector-web (public, CORS, no cookies). */
export class HubHttp {
  constructor(
    private readonly origin: string,
    private readonly fetchFn: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  get socketUrl(): string {
    return `${this.origin.replace(/^http/, 'ws')}/ws/visitor`;
  }

  get beaconUrl(): string {
    return `${this.origin}/api/v1/widget/beacons`;
  }

  async config(inboxId: string): Promise<WidgetConfig> {
    return this.request<WidgetConfig>(
      'GET',
      `/api/v1/widget/config/${encodeURIComponent(inboxId)}`,
    );
  }

  async session(inboxId: string, known: Partial<VisitorSession>): Promise<VisitorSession> {
    const body =
      known.visitorId && known.token
        ? { inboxId, visitorId: known.visitorId, token: known.token }
        : { inboxId };
    return this.request<VisitorSession>('POST', '/api/v1/widget/sessions', body);
  }

  async identify(token: string, identity: Identity): Promise<void> {
    await this.request('POST', '/api/v1/widget/identify', { token, ...identity });
  }

  async profile(token: string, profile: { name?: string; email?: string; phone?: string }) {
    await this.request('POST', '/api/v1/widget/profile', { token, ...profile });
  }

  async offlineMessage(token: string, message: OfflineMessage): Promise<void> {
    await this.request('POST', '/api/v1/widget/offline-messages', { token, ...message });
  }

  async upload(token: string, file: File): Promise<Attachment> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.request<Attachment>('POST', '/api/v1/widget/uploads', form, token);
  }

  private async request<T = unknown>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    bearer?: string,
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (body !== undefined && !(body instanceof FormData))
      headers['Content-Type'] = 'application/json';
    const response = await this.fetchFn(`${this.origin}${path}`, {
      method,
      headers,
      credentials: 'omit',
      ...(body === undefined
        ? {}
        : { body: body instanceof FormData ? body : JSON.stringify(body) }),
    });
    if (!response.ok) {
      const error = (await response.json().catch(() => ({}))) as { code?: unknown };
      throw new HubHttpError(
        response.status,
        typeof error.code === 'string' ? error.code : 'HTTP_ERROR',
      );
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}

/** The config the hub sent, completed with defaults for anything missing (older hubs). */
export function completeConfig(
  received: Partial<WidgetConfig>,
  defaults: WidgetConfig,
  offered: readonly Locale[],
): WidgetConfig {
  const locales = (received.locales ?? []).filter((locale) => offered.includes(locale));
  const shown = locales.length > 0 ? locales : defaults.locales;
  return {
    ...defaults,
    ...received,
    primaryColor: /^#[0-9a-fA-F]{6}$/.test(received.primaryColor ?? '')
      ? (received.primaryColor as string)
      : defaults.primaryColor,
    position: received.position === 'left' ? 'left' : defaults.position,
    launcherText: received.launcherText ?? {},
    greeting: received.greeting ?? {},
    locales: shown,
    defaultLocale: shown.find((locale) => locale === received.defaultLocale) ?? shown[0],
    departments: received.departments ?? [],
    uploads: { ...defaults.uploads, ...received.uploads },
  };
}
