import { randomUUID } from 'node:crypto';

export const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

export interface BeaconAnswer {
  status: number;
  body: Record<string, unknown> | undefined;
  retryAfter: string | null;
}

/** A visitor's page views as the widget sends them: JSON as text/plain, from one client IP. */
export class BeaconClient {
  constructor(
    private readonly webUrl: string,
    readonly token: string,
    readonly ip: string,
    private readonly userAgent = CHROME_WINDOWS,
  ) {}

  async view(page: { url: string; title: string; referrer?: string }): Promise<string> {
    const pageViewId = randomUUID();
    const answer = await this.send([
      {
        type: 'view',
        pageViewId,
        url: page.url,
        title: page.title,
        referrer: page.referrer ?? '',
        at: new Date().toISOString(),
      },
    ]);
    if (answer.status !== 204) throw new Error(`view refused: ${JSON.stringify(answer)}`);
    return pageViewId;
  }

  async leave(pageViewId: string, durationMs: number): Promise<void> {
    const answer = await this.send([{ type: 'leave', pageViewId, durationMs }]);
    if (answer.status !== 204) throw new Error(`leave refused: ${JSON.stringify(answer)}`);
  }

  send(events: object[], token = this.token): Promise<BeaconAnswer> {
    return postBeacon(this.webUrl, JSON.stringify({ token, events }), {
      ip: this.ip,
      userAgent: this.userAgent,
    });
  }
}

export async function postBeacon(
  webUrl: string,
  body: string,
  client: { ip: string; userAgent?: string },
): Promise<BeaconAnswer> {
  const response = await fetch(`${webUrl}/api/v1/widget/beacons`, {
    method: 'POST',
    headers: {
      'content-type': 'text/plain;charset=UTF-8',
      'x-forwarded-for': client.ip,
      'user-agent': client.userAgent ?? CHROME_WINDOWS,
      'accept-language': 'en-US,en;q=0.9',
    },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    retryAfter: response.headers.get('retry-after'),
  };
}
