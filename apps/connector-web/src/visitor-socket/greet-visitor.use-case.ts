import { Injectable } from '@nestjs/common';
import { ConversationStatus } from '@hub/domain';
import { WebSocket } from 'ws';
import { VisitorSessionsService } from '../visitor-sessions/visitor-sessions.service';
import { AssigneeDirectory } from './assignee-directory';
import type { HelloFrame } from './frames/client-frames';
import { toVisitorConversationView } from './frames/server-frames';
import { sendFrame } from './send-frame';
import { VisitorDelivery } from './visitor-delivery';
import { VisitorHistory } from './visitor-history';
import { VisitorRealtime } from './visitor-realtime';
import type { VisitorSocket } from './visitor-socket';

/**
 * `hello` → `welcome`: checks the token, subscribes the socket to its visitor's events (held
 * back meanwhile), sends the stored messages after `lastSeq`, then the held events, minus
 * those the welcome already carried. Nothing stored between the history read and the
 * subscription can be missed: the subscription comes first.
 */
@Injectable()
export class GreetVisitor {
  constructor(
    private readonly sessions: VisitorSessionsService,
    private readonly realtime: VisitorRealtime,
    private readonly history: VisitorHistory,
    private readonly delivery: VisitorDelivery,
    private readonly assignees: AssigneeDirectory,
  ) {}

  async execute(socket: VisitorSocket, hello: HelloFrame): Promise<void> {
    const visitor = await this.sessions.authenticate(hello.token);
    socket.held = [];
    this.realtime.attach(socket, visitor);
    let afterSeq = hello.lastSeq ?? 0;
    let { conversation, messages } = await this.history.fetch(visitor, afterSeq);
    if (
      afterSeq > 0 &&
      conversation &&
      hello.conversationId &&
      conversation.id !== hello.conversationId
    ) {
      // lastSeq counts another (older) conversation: this one is new to the client.
      afterSeq = 0;
      ({ conversation, messages } = await this.history.fetch(visitor, 0));
    }
    const assignee = conversation
      ? await this.assignees.find(visitor.workspaceId, conversation.assigneeId)
      : null;
    if (socket.readyState !== WebSocket.OPEN) return;

    socket.conversationId = conversation?.id ?? null;
    socket.lastSeq = Math.max(
      Math.min(afterSeq, conversation?.lastSeq ?? 0),
      ...messages.map((m) => m.seq),
    );
    if (conversation) this.realtime.follow(socket, conversation.id);
    socket.phase = 'ready';
    sendFrame(socket, {
      type: 'welcome',
      visitorId: visitor.visitorId,
      conversationId: conversation?.id ?? null,
      conversation: conversation ? toVisitorConversationView(conversation, assignee) : null,
      messages,
    });
    // The welcome carries one page; the rest of what was missed follows as message.created.
    if (conversation) await this.delivery.catchUp(socket, conversation.id, conversation.lastSeq);
    this.delivery.release(socket);
    // A waiting visitor learns where it stands now, not only at the queue's next move.
    if (conversation?.status === ConversationStatus.Open) {
      void this.realtime.announceQueuePosition(visitor.workspaceId, conversation.id);
    }
  }
}
