import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type VisitorReceiptRequest, type VisitorReceiptStatus } from '@hub/contracts';
import { DomainException, RpcClient } from '@hub/service-kit';
import type { MessageReceiptFrame } from './frames/client-frames';
import type { ReceiptMark, ReceiptThrottle, VisitorSocket } from './visitor-socket';

// At most one forwarding a second per socket; receipts in between are merged into it.
const RECEIPT_INTERVAL_MS = 1_000;
// `read` first: a `delivered` it covers is not sent at all.
const STATUSES: readonly VisitorReceiptStatus[] = ['read', 'delivered'];

/**
 * `message.receipt` → conversation, which moves the agent's replies forward to delivered or
 * read. A core NATS request, not JetStream: a receipt is a watermark, so a lost one is
 * superseded by the next the widget sends (on the next message, or when the panel is shown
 * again), and the request's answer lets a refusal reach the visitor. A chatty widget cannot
 * flood the bus: receipts that say nothing new are dropped here, and the rest are coalesced
 * into at most one forwarding a second per socket.
 */
@Injectable()
export class VisitorReceipts {
  private readonly logger = new Logger(VisitorReceipts.name);

  constructor(private readonly rpc: RpcClient) {}

  receive(socket: VisitorSocket, frame: MessageReceiptFrame): Promise<void> | void {
    // Only the conversation this socket was shown; conversation checks the ownership again.
    if (
      frame.conversationId !== socket.conversationId &&
      frame.conversationId !== socket.followedConversationId
    ) {
      throw new DomainException(
        'CONVERSATION_NOT_FOUND',
        `Conversation ${frame.conversationId} does not exist`,
      );
    }
    const throttle = (socket.receipts ??= { lastSentAt: 0, forwarded: {}, waiting: {} });
    if (covered(throttle.forwarded, frame) || covered(throttle.waiting, frame)) return;
    throttle.waiting[frame.status] = { conversationId: frame.conversationId, seq: frame.seq };
    const wait = throttle.lastSentAt + RECEIPT_INTERVAL_MS - Date.now();
    // The first in a while goes at once, so its refusal (if any) answers this very frame.
    if (wait <= 0) return this.forward(socket, throttle);
    throttle.timer ??= setTimeout(() => {
      this.forward(socket, throttle).catch((error: unknown) =>
        this.logger.warn({ err: error, visitorId: socket.visitor?.visitorId }, 'receipt lost'),
      );
    }, wait);
  }

  /** Drops a closing socket's waiting receipts. */
  stop(socket: VisitorSocket): void {
    if (socket.receipts?.timer) clearTimeout(socket.receipts.timer);
    socket.receipts = null;
  }

  private async forward(socket: VisitorSocket, throttle: ReceiptThrottle): Promise<void> {
    const visitor = socket.visitor!;
    const waiting = throttle.waiting;
    throttle.waiting = {};
    throttle.timer = undefined;
    throttle.lastSentAt = Date.now();
    const requests: VisitorReceiptRequest[] = [];
    for (const status of STATUSES) {
      const mark = waiting[status];
      if (!mark || (status === 'delivered' && covered(throttle.forwarded, { ...mark, status })))
        continue;
      throttle.forwarded[status] = mark;
      requests.push({
        workspaceId: visitor.workspaceId,
        inboxId: visitor.inboxId,
        visitorId: visitor.visitorId,
        conversationId: mark.conversationId,
        seq: mark.seq,
        status,
      });
    }
    // One after the other: the second's forward-only check then sees the first's rows.
    for (const request of requests) {
      await this.rpc
        .request(SUBJECTS.conversation.recordVisitorReceipt, request)
        .catch((error: unknown) => {
          // Not recorded: the same receipt may come again and must then be forwarded.
          const { status, conversationId, seq } = request;
          const mark = throttle.forwarded[status];
          if (mark?.conversationId === conversationId && mark.seq === seq)
            delete throttle.forwarded[status];
          throw error;
        });
    }
  }
}

/** Whether marks already say as much as the receipt: same conversation, seq as high, `read` ≥ `delivered`. */
function covered(
  marks: Partial<Record<VisitorReceiptStatus, ReceiptMark>>,
  receipt: ReceiptMark & { status: VisitorReceiptStatus },
): boolean {
  const statuses = receipt.status === 'read' ? (['read'] as const) : STATUSES;
  return statuses.some((status) => {
    const mark = marks[status];
    return mark?.conversationId === receipt.conversationId && mark.seq >= receipt.seq;
  });
}
