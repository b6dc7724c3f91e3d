import { Injectable, Logger } from '@nestjs/common';
import type { MessageView } from '@hub/contracts';
import { SenderType } from '@hub/domain';
import { refField } from '@hub/socket-kit';
import { WebSocket } from 'ws';
import type { ConversationView } from '@hub/contracts';
import { AssigneeDirectory } from './assignee-directory';
import { toVisitorConversationView } from './frames/server-frames';
import { drained, sendFrame } from './send-frame';
import type { VisitorEvent } from './visitor-events';
import { VisitorHistory } from './visitor-history';
import type { VisitorSocket } from './visitor-socket';

// Bounds what one socket holds back while its welcome or a catch-up is being fetched.
const MAX_HELD_EVENTS = 1_000;

/**
 * Puts realtime events on one visitor socket in order. Messages go out by seq: one already
 * sent is not sent again, and a gap (core NATS dropped something) is filled from the stored
 * history before anything newer. The visitor's own stored message answers its pending
 * `message.send` as `message.ack`, after `message.accepted`.
 */
@Injectable()
export class VisitorDelivery {
  private readonly logger = new Logger(VisitorDelivery.name);

  constructor(
    private readonly history: VisitorHistory,
    private readonly assignees: AssigneeDirectory,
  ) {}

  deliver(socket: VisitorSocket, event: VisitorEvent): void {
    if (socket.held) {
      if (socket.held.length < MAX_HELD_EVENTS) socket.held.push(event);
      else socket.terminate(); // it resumes by seq
      return;
    }
    this.apply(socket, event, true);
  }

  /** Sends what was held back (after `welcome`, or after a catch-up). */
  release(socket: VisitorSocket): void {
    const held = socket.held ?? [];
    socket.held = null;
    for (const event of held) this.deliver(socket, event);
  }

  /** Answers the pending `message.send` frames `message` settles with `message.ack` each. */
  settle(socket: VisitorSocket, message: MessageView): boolean {
    if (message.senderType !== SenderType.Customer || !message.clientMessageId) return false;
    const pending = socket.pending?.get(message.clientMessageId);
    if (!pending) return false;
    // A frame whose JetStream ack has not reached us yet gets its ack after its `message.accepted`.
    pending.stored = message;
    const answered = pending.frames.filter((frame) => frame.accepted);
    pending.frames = pending.frames.filter((frame) => !frame.accepted);
    if (pending.frames.length === 0) socket.pending!.delete(message.clientMessageId);
    for (const { ref } of answered) {
      sendFrame(socket, {
        type: 'message.ack',
        ...refField(ref),
        clientMessageId: message.clientMessageId,
        messageId: message.id,
        seq: message.seq,
        conversationId: message.conversationId,
      });
    }
    return true;
  }

  /**
   * Answers each `message.send` frame of a message that was given up (dead-lettered) with its
   * own `message.failed`; a socket that sent none of them (another tab) is told once, no ref.
   */
  private fail(socket: VisitorSocket, clientMessageId: string, code: string): void {
    const refs = socket.pending?.get(clientMessageId)?.frames.map((frame) => frame.ref) ?? [
      undefined,
    ];
    socket.pending?.delete(clientMessageId);
    for (const ref of refs) {
      sendFrame(socket, { type: 'message.failed', ...refField(ref), clientMessageId, code });
    }
  }

  private apply(socket: VisitorSocket, event: VisitorEvent, fillGaps: boolean): void {
    switch (event.type) {
      case 'message.created':
        return this.message(socket, event.message, fillGaps);
      case 'message.failed':
        return this.fail(socket, event.clientMessageId, event.code);
      case 'conversation.updated':
        return this.conversationUpdated(socket, event.conversation);
      case 'typing':
        if (event.by !== 'agent') return;
        return sendFrame(socket, {
          type: 'typing',
          conversationId: event.conversationId,
          by: 'agent',
          isTyping: event.isTyping,
        });
      case 'queue.position':
        return sendFrame(socket, {
          type: 'queue.position',
          conversationId: event.conversationId,
          position: event.position,
          estimatedWaitSeconds: event.estimatedWaitSeconds,
        });
      case 'invitation':
        return sendFrame(socket, event);
    }
  }

  private message(socket: VisitorSocket, message: MessageView, fillGaps: boolean): void {
    if (message.conversationId !== socket.conversationId) {
      // The first message of a conversation this socket has not been shown yet.
      socket.conversationId = message.conversationId;
      socket.lastSeq = 0;
    }
    if (message.seq <= socket.lastSeq) {
      // Already sent; a resend of the visitor's own message still gets its ack.
      this.settle(socket, message);
      return;
    }
    if (fillGaps && message.seq > socket.lastSeq + 1) {
      void this.fillGap(socket, message);
      return;
    }
    socket.lastSeq = message.seq;
    if (!this.settle(socket, message)) sendFrame(socket, { type: 'message.created', message });
  }

  /**
   * Sends the stored messages of `conversationId` after the socket's lastSeq, up to `untilSeq`,
   * page by page. The caller holds other events meanwhile and releases them after.
   */
  async catchUp(socket: VisitorSocket, conversationId: string, untilSeq: number): Promise<void> {
    const visitor = socket.visitor;
    try {
      while (
        visitor &&
        socket.readyState === WebSocket.OPEN &&
        socket.conversationId === conversationId &&
        socket.lastSeq < untilSeq
      ) {
        if (!(await drained(socket))) return;
        const before = socket.lastSeq;
        const { conversation, messages } = await this.history.fetch(visitor, before);
        if (conversation?.id !== conversationId) return;
        for (const message of messages) {
          if (message.seq <= untilSeq) this.message(socket, message, false);
        }
        if (socket.lastSeq === before) return;
      }
    } catch (error) {
      this.logger.warn(
        { err: error, visitorId: visitor?.visitorId },
        'missed messages not fetched; the client resumes by seq',
      );
    }
  }

  /**
   * The change with the name and avatar of its agent: at once when the agent is cached, else
   * after asking routing, holding later events meanwhile so frames keep their order.
   */
  private conversationUpdated(socket: VisitorSocket, conversation: ConversationView): void {
    const workspaceId = conversation.workspaceId;
    const send = (assignee: Parameters<typeof toVisitorConversationView>[1]) =>
      sendFrame(socket, {
        type: 'conversation.updated',
        conversation: toVisitorConversationView(conversation, assignee),
      });
    const cached = this.assignees.cached(workspaceId, conversation.assigneeId);
    if (cached !== undefined) return send(cached);
    socket.held = [];
    void this.assignees.find(workspaceId, conversation.assigneeId).then((assignee) => {
      send(assignee);
      this.release(socket);
    });
  }

  /** Core NATS dropped something before `next`: fetch what is missing, then go on. */
  private async fillGap(socket: VisitorSocket, next: MessageView): Promise<void> {
    socket.held = [];
    await this.catchUp(socket, next.conversationId, next.seq - 1);
    this.message(socket, next, false);
    this.release(socket);
  }
}
