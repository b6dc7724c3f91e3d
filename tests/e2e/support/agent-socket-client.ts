import { once } from 'node:events';
import { WebSocket } from 'ws';

export type Frame = Record<string, unknown> & { type: string };

/**
 * A test client of the agent socket: keeps every frame it received and lets a test wait for
 * the one it expects, and for the close code.
 */
export class AgentSocketClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();
  private nextRef = 1;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.frames.push(JSON.parse(data.toString('utf8')) as Frame);
      for (const wake of this.waiters) wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.waiters) wake();
      });
    });
  }

  static async open(gatewayUrl: string, path = '/ws/agent'): Promise<AgentSocketClient> {
    const socket = new WebSocket(`${gatewayUrl.replace(/^http/, 'ws')}${path}`);
    const client = new AgentSocketClient(socket);
    await once(socket, 'open');
    return client;
  }

  /** Opens a socket and authenticates; resolves with the `ready` frame. */
  static async connect(
    gatewayUrl: string,
    token: string,
  ): Promise<{ client: AgentSocketClient; ready: Frame }> {
    const client = await AgentSocketClient.open(gatewayUrl);
    const ready = await client.request({ type: 'auth', token });
    if (ready.type !== 'ready') throw new Error(`auth refused: ${JSON.stringify(ready)}`);
    return { client, ready };
  }

  send(frame: object): void {
    this.socket.send(JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** Sends `frame` with a fresh ref and resolves with the reply carrying that ref. */
  async request(frame: Frame, timeoutMs = 10_000): Promise<Frame> {
    const ref = `r${this.nextRef++}`;
    this.send({ ...frame, ref });
    return this.waitFor((f) => f.ref === ref, timeoutMs, `a reply to ${frame.type} (${ref})`);
  }

  /** The first frame (already received or to come) matching `predicate`. */
  waitFor(
    predicate: (frame: Frame) => boolean,
    timeoutMs = 10_000,
    what = 'a frame',
  ): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.frames.find(predicate);
        if (found) {
          done();
          resolve(found);
        } else if (this.socket.readyState === WebSocket.CLOSED) {
          done();
          reject(
            new Error(
              `socket closed while waiting for ${what}; got ${JSON.stringify(this.frames)}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.frames)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  framesOf(type: string): Frame[] {
    return this.frames.filter((frame) => frame.type === type);
  }

  close(): void {
    this.socket.close();
  }
}
