import { Injectable, Logger } from '@nestjs/common';
import { inboundMessageId, SUBJECTS, type InboundMessageReceived } from '@hub/contracts';
import { Channel, ContentType, SenderType } from '@hub/domain';
import { withCorrelationId } from '@hub/observability';
import { DomainException, Messaging } from '@hub/service-kit';
import type { FrameRef } from '@hub/socket-kit';
import type { MessageSendFrame } from './frames/client-frames';
import { sendFrame } from './send-frame';
import { VisitorDelivery } from './visitor-delivery';
import { VisitorHistory } from './visitor-history';
import { VisitorMessageLimit } from './visitor-message-limit';
import type { PendingSend, VisitorSocket } from './visitor-socket';

// More unacknowledged sends than this on one socket is a client bug or abuse.
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

  constructor(
    private readonly messaging: Messaging,
    private readonly delivery: VisitorDelivery,
    private readonly history: VisitorHistory,
    private readonly limit: VisitorMessageLimit,
  ) {}

  async execute(
    socket: VisitorSocket,
    frame: MessageSendFrame,
    ref: FrameRef | undefined,
  ): Promise<void> {
    // Read before the limit's wait: a socket closing meanwhile forgets its visitor, not the message.
    const visitor = socket.visitor!;
    await this.limit.admit(socket, visitor.visitorId);
    const pending = this.track(socket, frame.clientMessageId, ref);
    const inbound: InboundMessageReceived = {
      workspaceId: visitor.workspaceId,
      inboxId: visitor.inboxId,
      channel: Channel.Web,
      externalMessageId: `${visitor.visitorId}:${frame.clientMessageId}`,
      customer: { externalId: visitor.visitorId },
      content: frame.content,
      contentType: ContentType.Text,
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
      socket.pending?.delete(frame.clientMessageId);
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
      ...(pending.ref !== undefined ? { ref: pending.ref } : {}),
      clientMessageId: frame.clientMessageId,
    });
    pending.accepted = true;
    if (pending.stored) this.delivery.settle(socket, pending.stored);
    // Deduplicated by the stream: conversation will not see it again, so look the stored one up.
    else if (duplicate) await this.settleFromHistory(socket, frame.clientMessageId);
  }

  private track(
    socket: VisitorSocket,
    clientMessageId: string,
    ref: FrameRef | undefined,
  ): PendingSend {
    socket.pending ??= new Map();
    const existing = socket.pending.get(clientMessageId);
    if (existing) {
      if (ref !== undefined) existing.ref = ref;
      return existing;
    }
    if (socket.pending.size >= MAX_PENDING_SENDS) {
      throw new DomainException(
        'TOO_MANY_PENDING_MESSAGES',
        `At most ${MAX_PENDING_SENDS} messages may await their ack`,
      );
    }
    const pending: PendingSend = {
      ...(ref !== undefined ? { ref } : {}),
      since: Date.now(),
      accepted: false,
    };
    socket.pending.set(clientMessageId, pending);
    return pending;
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
}
