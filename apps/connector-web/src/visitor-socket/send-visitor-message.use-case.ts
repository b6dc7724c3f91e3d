import { Injectable, Logger } from '@nestjs/common';
import {
  attachmentContentType,
  inboundMessageId,
  SUBJECTS,
  type FileView,
  type InboundMessageReceived,
} from '@hub/contracts';
import { Channel, ContentType, SenderType } from '@hub/domain';
import { withCorrelationId } from '@hub/observability';
import { DomainException, Messaging } from '@hub/service-kit';
import { refField, type FrameRef } from '@hub/socket-kit';
import { VisitorAttachments } from '../files/visitor-attachments';
import { DepartmentDirectory } from './department-directory';
import type { MessageSendFrame } from './frames/client-frames';
import { sendFrame } from './send-frame';
import { VisitorDelivery } from './visitor-delivery';
import { VisitorHistory } from './visitor-history';
import { VisitorMessageLimit } from './visitor-message-limit';
import type { PendingFrame, PendingSend, VisitorSocket } from './visitor-socket';

// More unacknowledged send frames than this on one socket is a client bug or abuse.
const MAX_PENDING_SENDS = 100;

/**
 * `message.send`: publishes the visitor's message to `inbound.web` and says
 * `message.accepted` only once JetStream has stored it; `message.ack` follows when
 * conversation has stored it. Nats-Msg-Id and the channel message id both derive from the
 * visitor's clientMessageId, so a resend is stored once and still answered.
 */
@Injectable()
export class SendVisitorMessage {
  private readonly logger = new Logger(SendVisitorMessage.name);
  private readonly lastAdmission = new WeakMap<VisitorSocket, Promise<void>>();

  constructor(
    private readonly messaging: Messaging,
    private readonly delivery: VisitorDelivery,
    private readonly history: VisitorHistory,
    private readonly departments: DepartmentDirectory,
    private readonly limit: VisitorMessageLimit,
    private readonly attachments: VisitorAttachments,
  ) {}

  async execute(
    socket: VisitorSocket,
    frame: MessageSendFrame,
    ref: FrameRef | undefined,
  ): Promise<void> {
    // Read before the checks' waits: a socket closing meanwhile forgets its visitor, not the message.
    const visitor = socket.visitor!;
    let file: FileView | null = null;
    await this.inTurn(socket, async () => {
      this.limit.admit(visitor.visitorId);
      if (frame.departmentId) {
        await this.departments.assertInWorkspace(visitor.workspaceId, frame.departmentId);
      }
      if (frame.fileId) file = await this.attachments.ownFile(visitor, frame.fileId);
    });
    const { pending, waiting } = this.track(socket, frame.clientMessageId, ref);
    const inbound: InboundMessageReceived = {
      workspaceId: visitor.workspaceId,
      inboxId: visitor.inboxId,
      channel: Channel.Web,
      externalMessageId: `${visitor.visitorId}:${frame.clientMessageId}`,
      customer: { externalId: visitor.visitorId },
      content: frame.content,
      ...attachmentOf(file),
      clientMessageId: frame.clientMessageId,
      ...(frame.departmentId ? { departmentId: frame.departmentId } : {}),
      sentAt: new Date().toISOString(),
    };
    let duplicate: boolean;
    try {
      ({ duplicate } = await withCorrelationId(undefined, () =>
        this.messaging.publisher.publish(SUBJECTS.inbound.messageReceived, inbound, {
          msgId: inboundMessageId(inbound),
        }),
      ));
    } catch (error) {
      this.untrack(socket, frame.clientMessageId, waiting);
      this.logger.warn(
        { err: error, visitorId: visitor.visitorId },
        'visitor message not admitted',
      );
      throw new DomainException(
        'MESSAGE_NOT_ACCEPTED',
        'The message was not stored; send it again with the same clientMessageId',
      );
    }
    sendFrame(socket, {
      type: 'message.accepted',
      ...refField(waiting.ref),
      clientMessageId: frame.clientMessageId,
    });
    waiting.accepted = true;
    if (pending.stored) this.delivery.settle(socket, pending.stored);
    // Deduplicated by the stream: conversation will not see it again, so look the stored one up.
    else if (duplicate) await this.settleFromHistory(socket, frame.clientMessageId);
  }

  /** Adds this frame to the ones awaiting the stored message of `clientMessageId`. */
  private track(
    socket: VisitorSocket,
    clientMessageId: string,
    ref: FrameRef | undefined,
  ): { pending: PendingSend; waiting: PendingFrame } {
    socket.pending ??= new Map();
    let waitingFrames = 0;
    for (const { frames } of socket.pending.values()) waitingFrames += frames.length;
    if (waitingFrames >= MAX_PENDING_SENDS) {
      throw new DomainException(
        'TOO_MANY_PENDING_MESSAGES',
        `At most ${MAX_PENDING_SENDS} messages may await their ack`,
      );
    }
    const pending = socket.pending.get(clientMessageId) ?? { since: 0, frames: [] };
    socket.pending.set(clientMessageId, pending);
    // The stale-send sweep counts from the latest frame, so a resend is not dropped at once.
    pending.since = Date.now();
    const waiting: PendingFrame = { ...refField(ref), accepted: false };
    pending.frames.push(waiting);
    return { pending, waiting };
  }

  /** This frame was answered with an error: it awaits nothing (the other frames still do). */
  private untrack(socket: VisitorSocket, clientMessageId: string, waiting: PendingFrame): void {
    const pending = socket.pending?.get(clientMessageId);
    if (!pending) return;
    pending.frames = pending.frames.filter((frame) => frame !== waiting);
    if (pending.frames.length === 0) socket.pending!.delete(clientMessageId);
  }

  private async settleFromHistory(socket: VisitorSocket, clientMessageId: string): Promise<void> {
    if (!socket.visitor || !socket.pending?.has(clientMessageId)) return;
    try {
      const { messages } = await this.history.fetch(socket.visitor, 0);
      const stored = messages.find(
        (m) => m.senderType === SenderType.Customer && m.clientMessageId === clientMessageId,
      );
      // Not there yet: the first send is still on its way, and its realtime event will settle it.
      if (stored) this.delivery.settle(socket, stored);
    } catch (error) {
      this.logger.warn({ err: error }, 'resent message not looked up; the client will resend');
    }
  }

  // Admission takes round trips (the shared limit, maybe routing for the department); one
  // socket's sends pass it one after another, so they are published in the order sent.
  private inTurn(socket: VisitorSocket, admission: () => Promise<void>): Promise<void> {
    // Settled either way, the previous admission only sets the turn.
    const turn = (this.lastAdmission.get(socket) ?? Promise.resolve()).then(admission, admission);
    this.lastAdmission.set(socket, turn);
    return turn;
  }
}

/** The attachment fields of an inbound message: the file and the content type it makes. */
function attachmentOf(
  file: FileView | null,
): Pick<InboundMessageReceived, 'contentType' | 'attachmentFileId'> {
  if (!file) return { contentType: ContentType.Text };
  return { contentType: attachmentContentType(file.mimeType), attachmentFileId: file.id };
}
