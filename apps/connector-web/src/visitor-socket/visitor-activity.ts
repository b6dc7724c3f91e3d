import { Injectable } from '@nestjs/common';
import { realtimeSubjects, type DraftRealtime, type TypingRealtime } from '@hub/contracts';
import { DomainException, Realtime } from '@hub/service-kit';
import { maskCardNumbers } from '@hub/text-safety';
import { WebSocket } from 'ws';
import type { DraftFrame, TypingFrame } from './frames/client-frames';
import type { VisitorSocket } from './visitor-socket';

// At most ten drafts a second per socket; the latest text always goes out.
const DRAFT_INTERVAL_MS = 100;

/** The visitor's typing indicator and unsent draft, to its conversation's participants. */
@Injectable()
export class VisitorActivity {
  constructor(private readonly realtime: Realtime) {}

  typing(socket: VisitorSocket, frame: TypingFrame): void {
    const conversationId = this.conversationOf(socket);
    const event: TypingRealtime = {
      type: 'typing',
      conversationId,
      by: 'visitor',
      isTyping: frame.isTyping,
    };
    void this.realtime.publish(realtimeSubjects.conversation(conversationId), event);
  }

  draft(socket: VisitorSocket, frame: DraftFrame): void {
    this.conversationOf(socket);
    const throttle = (socket.draft ??= { lastSentAt: 0 });
    const wait = throttle.lastSentAt + DRAFT_INTERVAL_MS - Date.now();
    if (wait <= 0) return this.publishDraft(socket, frame.text);
    throttle.text = frame.text;
    throttle.timer ??= setTimeout(() => this.flushDraft(socket), wait);
  }

  /** Drops a closing socket's throttled draft. */
  stop(socket: VisitorSocket): void {
    if (socket.draft?.timer) clearTimeout(socket.draft.timer);
    socket.draft = null;
  }

  private flushDraft(socket: VisitorSocket): void {
    const throttle = socket.draft;
    if (!throttle) return;
    throttle.timer = undefined;
    const text = throttle.text;
    throttle.text = undefined;
    if (text !== undefined && socket.readyState === WebSocket.OPEN) this.publishDraft(socket, text);
  }

  private publishDraft(socket: VisitorSocket, text: string): void {
    const visitor = socket.visitor;
    const conversationId = this.currentConversation(socket);
    if (!visitor || !conversationId) return;
    socket.draft!.lastSentAt = Date.now();
    // The widget masks card numbers too, but a draft is only trusted once masked here.
    const event: DraftRealtime = {
      type: 'draft',
      conversationId,
      workspaceId: visitor.workspaceId,
      text: maskCardNumbers(text),
    };
    void this.realtime.publish(realtimeSubjects.conversation(conversationId), event);
  }

  private currentConversation(socket: VisitorSocket): string | null {
    return socket.followedConversationId ?? socket.conversationId;
  }

  private conversationOf(socket: VisitorSocket): string {
    const conversationId = this.currentConversation(socket);
    if (!conversationId) {
      throw new DomainException(
        'NO_CONVERSATION',
        'Typing and drafts need a conversation: send a message first',
      );
    }
    return conversationId;
  }
}
