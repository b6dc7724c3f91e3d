import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import type { History } from './history';

type Frame = Record<string, unknown> & { type: string };
interface MessageView {
  conversationId: string;
  clientMessageId?: string;
  senderType: string;
}
interface ConversationView {
  id: string;
  assigneeId: string | null;
  status: string;
  updatedAt: string;
}

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 1_000;
// A resume takes at most this many conversations (docs/agent-socket.md).
const RESUME_BATCH = 100;

/** What every agent socket saw: the assignments announced to the workspace, in order. */
export class AssignmentLog {
  /** Per conversation, every agent it was ever announced as assigned to. */
  readonly assignees = new Map<string, Set<string>>();
  /** Per agent, the most conversations announced as theirs at one moment. */
  readonly peakLoad = new Map<string, number>();
  private readonly current = new Map<string, ConversationView>();
  private readonly seenEvents = new Set<string>();

  record(view: ConversationView): void {
    // Every socket of the workspace hears each change: count it once.
    const key = `${view.id}:${view.updatedAt}:${view.assigneeId}:${view.status}`;
    if (this.seenEvents.has(key)) return;
    this.seenEvents.add(key);
    this.current.set(view.id, view);
    if (!view.assigneeId) return;
    const agents = this.assignees.get(view.id) ?? new Set<string>();
    agents.add(view.assigneeId);
    this.assignees.set(view.id, agents);
    const load = [...this.current.values()].filter(
      (c) =>
        c.assigneeId === view.assigneeId && (c.status === 'assigned' || c.status === 'pending'),
    ).length;
    this.peakLoad.set(view.assigneeId, Math.max(load, this.peakLoad.get(view.assigneeId) ?? 0));
  }
}

/**
 * An agent with the inbox open: one socket, reconnecting (and resuming what it holds) when the
 * gateway drops it. Keeps the client ids of every customer message its socket received, live
 * or on resume.
 */
export class LoadAgent {
  readonly received = new Set<string>();
  /** Send → `message.ack` of each reply, in ms. */
  readonly replyTimes: number[] = [];
  private readonly replying = new Map<string, number>();
  private readonly conversations = new Set<string>();
  private socket?: WebSocket;
  private stopped = false;
  private nextRef = 1;
  private connects = 0;
  private readonly waiting = new Map<string, () => void>();

  constructor(
    readonly id: string,
    private readonly options: {
      /** The gateway's replicas: each (re)connect takes the next one. */
      gatewayUrls: () => readonly string[];
      token: string;
      history: History;
      assignments: AssignmentLog;
      /** Answer each customer message once, as the load scenarios' agents do. */
      replies?: boolean;
    },
  ) {}

  async open(): Promise<void> {
    await this.reconnect();
  }

  /** Asks for every message of the conversations it holds, from the start. */
  async resumeAll(): Promise<void> {
    const ids = [...this.conversations];
    for (let i = 0; i < ids.length; i += RESUME_BATCH) {
      const batch = Object.fromEntries(ids.slice(i, i + RESUME_BATCH).map((id) => [id, 0]));
      await this.request({ type: 'resume', conversations: batch });
    }
  }

  /** Drops the socket now; it reconnects (to the next replica) and resumes. */
  reconnectNow(): void {
    this.socket?.terminate();
  }

  close(): void {
    this.stopped = true;
    this.socket?.terminate();
  }

  private async reconnect(): Promise<void> {
    for (
      let backoff = RECONNECT_MIN_MS;
      !this.stopped;
      backoff = Math.min(backoff * 2, RECONNECT_MAX_MS)
    ) {
      const socket = await this.authenticated().catch(() => undefined);
      if (socket) {
        this.socket = socket;
        socket.on('close', () => {
          if (this.socket === socket) this.socket = undefined;
          if (!this.stopped) void this.reconnect();
        });
        // What arrived while the socket was down comes back on resume.
        await this.resumeAll().catch(() => undefined);
        return;
      }
      await sleep(backoff);
    }
  }

  private authenticated(): Promise<WebSocket> {
    const urls = this.options.gatewayUrls();
    const url = urls[this.connects++ % urls.length];
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/agent`);
    return new Promise((resolve, reject) => {
      socket.on('error', reject);
      socket.on('close', () => reject(new Error('closed before ready')));
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'auth', token: this.options.token, ref: 'auth' })),
      );
      socket.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString('utf8')) as Frame;
        if (frame.type === 'ready') resolve(socket);
        else if (frame.type === 'error' && frame.ref === 'auth')
          reject(new Error(String(frame.code)));
        this.receive(frame);
      });
    });
  }

  private receive(frame: Frame): void {
    if (frame.type === 'message.created') {
      const message = frame.message as MessageView;
      this.conversations.add(message.conversationId);
      const id = message.clientMessageId;
      if (message.senderType === 'customer' && id && !this.received.has(id)) {
        this.received.add(id);
        this.options.history.delivered(id);
        if (this.options.replies) this.reply(message.conversationId, id);
      }
    } else if (frame.type === 'conversation.updated') {
      const view = frame.conversation as ConversationView;
      this.options.assignments.record(view);
      if (view.assigneeId === this.id) this.conversations.add(view.id);
    }
    if (typeof frame.ref === 'string') {
      this.waiting.get(frame.ref)?.();
      const sentAt = this.replying.get(frame.ref);
      if (frame.type === 'message.ack' && sentAt !== undefined) {
        this.replying.delete(frame.ref);
        this.replyTimes.push(performance.now() - sentAt);
      }
    }
  }

  private reply(conversationId: string, to: string): void {
    const ref = `reply-${to}`;
    this.replying.set(ref, performance.now());
    this.socket?.send(
      JSON.stringify({
        type: 'message.send',
        ref,
        conversationId,
        clientMessageId: ref,
        content: `Thanks, on it (${to})`,
      }),
    );
  }

  private request(frame: Frame, timeoutMs = 10_000): Promise<void> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error('agent socket is down'));
    const ref = `load-${this.nextRef++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(ref);
        reject(new Error(`no reply to ${frame.type}`));
      }, timeoutMs);
      this.waiting.set(ref, () => {
        clearTimeout(timer);
        this.waiting.delete(ref);
        resolve();
      });
      socket.send(JSON.stringify({ ...frame, ref }));
    });
  }
}
