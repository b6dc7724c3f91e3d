import { once } from 'node:events';
import { waitFor } from '@hub/testing';
import WebSocket from 'ws';

/** A frame the visitor socket sent (see docs/visitor-socket.md). */
export type Frame = Record<string, unknown> & { type: string };

export interface VisitorSession {
  visitorId: string;
  token: string;
  workspaceId: string;
  inboxId: string;
}

export async function postSession(
  baseUrl: string,
  body: object,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/api/v1/widget/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function newSession(baseUrl: string, inboxId: string): Promise<VisitorSession> {
  const { status, body } = await postSession(baseUrl, { inboxId });
  if (status !== 201) throw new Error(`session not minted: ${status} ${JSON.stringify(body)}`);
  return body as unknown as VisitorSession;
}

/** A real `ws` client on /ws/visitor that records every frame it receives. */
export class VisitorClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) =>
      this.frames.push(JSON.parse(data.toString('utf8')) as Frame),
    );
    this.closed = once(ws, 'close').then(([code, reason]) => ({
      code: code as number,
      reason: String(reason),
    }));
  }

  static async connect(baseUrl: string): Promise<VisitorClient> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws/visitor`);
    const client = new VisitorClient(ws);
    await once(ws, 'open');
    return client;
  }

  /** Connects and says hello; resolves with the welcome frame. */
  static async greeted(
    baseUrl: string,
    hello: { token: string; lastSeq?: number; conversationId?: string },
  ): Promise<{ client: VisitorClient; welcome: Frame }> {
    const client = await VisitorClient.connect(baseUrl);
    client.send({ type: 'hello', ...hello });
    const welcome = await client.next((f) => f.type === 'welcome' || f.type === 'error');
    if (welcome.type !== 'welcome') throw new Error(`hello refused: ${JSON.stringify(welcome)}`);
    return { client, welcome };
  }

  send(frame: object | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first frame received (ever) that matches. */
  async next(match: (frame: Frame) => boolean, timeoutMs = 15_000): Promise<Frame> {
    let found: Frame | undefined;
    await waitFor(
      () => (found = this.frames.find(match)) !== undefined,
      timeoutMs,
      () => `no matching frame; received: ${JSON.stringify(this.frames)}`,
    );
    return found!;
  }

  of(type: string): Frame[] {
    return this.frames.filter((f) => f.type === type);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}
