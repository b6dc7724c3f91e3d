/** REST calls against the gateway, returning status and parsed body. */
export class GatewayApi {
  constructor(readonly baseUrl: string) {}

  async call<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }

  async login(workspace: string, email: string, password: string): Promise<string> {
    const { status, body } = await this.call<{ accessToken: string }>(
      'POST',
      '/api/v1/auth/login',
      {
        body: { workspace, email, password },
      },
    );
    if (status !== 200) throw new Error(`login failed: ${status} ${JSON.stringify(body)}`);
    return body.accessToken;
  }
}
