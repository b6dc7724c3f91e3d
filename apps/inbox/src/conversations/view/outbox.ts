import type { MessageView } from '../../api/types';

/** A reply the agent sent that the hub has not confirmed yet (or refused). */
export interface PendingReply {
  clientMessageId: string;
  conversationId: string;
  content: string;
  fileId?: string;
  fileName?: string;
  kind: 'text' | 'link';
  state: 'sending' | 'failed';
  error?: string;
}

type Listener = () => void;

/**
 * Replies shown at once, before the hub stores them: each keeps its clientMessageId until the
 * ack, so a retry (after a refusal or a lost connection) can never store it twice.
 */
export class Outbox {
  private replies: PendingReply[] = [];
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): readonly PendingReply[] => this.replies;

  of(conversationId: string): PendingReply[] {
    return this.replies.filter((reply) => reply.conversationId === conversationId);
  }

  add(reply: Omit<PendingReply, 'state'>): PendingReply {
    const pending: PendingReply = { ...reply, state: 'sending' };
    this.set([...this.replies, pending]);
    return pending;
  }

  failed(clientMessageId: string, error: string): void {
    this.update(clientMessageId, { state: 'failed', error });
  }

  retrying(clientMessageId: string): PendingReply | undefined {
    this.update(clientMessageId, { state: 'sending', error: undefined });
    return this.replies.find((reply) => reply.clientMessageId === clientMessageId);
  }

  /** The hub stored it (ack, or the message came in over the socket first): no longer pending. */
  stored(message: Pick<MessageView, 'clientMessageId'>): void {
    if (!message.clientMessageId) return;
    const rest = this.replies.filter((reply) => reply.clientMessageId !== message.clientMessageId);
    if (rest.length !== this.replies.length) this.set(rest);
  }

  private update(clientMessageId: string, changes: Partial<PendingReply>): void {
    this.set(
      this.replies.map((reply) =>
        reply.clientMessageId === clientMessageId ? { ...reply, ...changes } : reply,
      ),
    );
  }

  private set(replies: PendingReply[]): void {
    this.replies = replies;
    this.listeners.forEach((listener) => listener());
  }
}

/** A fresh clientMessageId (the hub allows A–Z a–z 0–9 . _ : ~ -). */
export function newClientMessageId(): string {
  return `inbox-${crypto.randomUUID()}`;
}
