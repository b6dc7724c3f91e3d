import { Injectable, Logger } from '@nestjs/common';
import { DomainException } from '@hub/service-kit';
import {
  decodeFrame,
  refField,
  validateFrame,
  type FrameEnvelope,
  type FrameRef,
} from '@hub/socket-kit';
import type { RawData } from 'ws';
import {
  CLIENT_FRAME_TYPES,
  CsatSubmitFrame,
  DraftFrame,
  HelloFrame,
  MessageReceiptFrame,
  MessageSendFrame,
  PingFrame,
  TranscriptRequestFrame,
  TypingFrame,
  type ClientFrameType,
} from './frames/client-frames';
import { AnswerInvitation } from './answer-invitation.use-case';
import { InvitationAnswerFrame } from './frames/invitation-frames';
import { GreetVisitor } from './greet-visitor.use-case';
import { sendFrame } from './send-frame';
import { SendVisitorMessage } from './send-visitor-message.use-case';
import { RequestVisitorTranscript } from './request-transcript.use-case';
import { refuse, sendError } from './socket-errors';
import { SubmitVisitorCsat } from './submit-csat.use-case';
import { VisitorActivity } from './visitor-activity';
import { VisitorReceipts } from './visitor-receipts';
import type { VisitorSocket } from './visitor-socket';

type ClientEnvelope = FrameEnvelope<ClientFrameType>;

/**
 * Every frame a visitor sends: envelope, phase (hello first, nothing else until welcome),
 * validation, then the use case. Anything refused gets the error frame with the frame's ref
 * and changes nothing; a refused hello also closes the socket.
 */
@Injectable()
export class VisitorFrameRouter {
  private readonly logger = new Logger(VisitorFrameRouter.name);

  constructor(
    private readonly greet: GreetVisitor,
    private readonly sendMessage: SendVisitorMessage,
    private readonly activity: VisitorActivity,
    private readonly csat: SubmitVisitorCsat,
    private readonly invitations: AnswerInvitation,
    private readonly transcripts: RequestVisitorTranscript,
    private readonly receipts: VisitorReceipts,
  ) {}

  // Synchronous up to the first real wait, so replies to refused frames come in frame order.
  handle(socket: VisitorSocket, data: RawData, isBinary: boolean): void {
    const { envelope, refusal } = decodeFrame(data, isBinary, CLIENT_FRAME_TYPES);
    if (refusal) return this.fail(socket, refusal.error, refusal.ref);
    try {
      this.route(socket, envelope)?.catch((error: unknown) =>
        this.fail(socket, error, envelope.ref),
      );
    } catch (error) {
      this.fail(socket, error, envelope.ref);
    }
  }

  private fail(socket: VisitorSocket, error: unknown, ref: FrameRef | undefined): void {
    if (!(error instanceof DomainException)) {
      this.logger.error(
        { err: error, visitorId: socket.visitor?.visitorId },
        'visitor frame failed',
      );
    }
    if (socket.phase === 'hello') refuse(socket, error, ref);
    else sendError(socket, error, ref);
  }

  private route(socket: VisitorSocket, envelope: ClientEnvelope): Promise<void> | void {
    switch (socket.phase) {
      case 'hello':
        return this.hello(socket, envelope);
      case 'authenticating':
        throw new DomainException('HELLO_PENDING', 'Wait for welcome before sending other frames');
      case 'ready':
        return this.command(socket, envelope);
    }
  }

  private hello(socket: VisitorSocket, { type, ref, body }: ClientEnvelope): Promise<void> {
    if (type !== 'hello')
      throw new DomainException('HELLO_REQUIRED', 'The first frame must be hello');
    const frame = validateFrame(HelloFrame, body);
    socket.phase = 'authenticating';
    return this.greet.execute(socket, frame).catch((error: unknown) => {
      if (!(error instanceof DomainException))
        this.logger.error({ err: error }, 'visitor hello failed');
      refuse(socket, error, ref);
    });
  }

  private command(
    socket: VisitorSocket,
    { type, ref, body }: ClientEnvelope,
  ): Promise<void> | void {
    switch (type) {
      case 'hello':
        throw new DomainException('ALREADY_WELCOMED', 'This socket has already said hello');
      case 'message.send':
        return this.sendMessage.execute(socket, validateFrame(MessageSendFrame, body), ref);
      case 'typing':
        return this.activity.typing(socket, validateFrame(TypingFrame, body));
      case 'draft':
        return this.activity.draft(socket, validateFrame(DraftFrame, body));
      case 'csat.submit':
        return this.csat.execute(socket, validateFrame(CsatSubmitFrame, body), ref);
      case 'transcript.request':
        return this.transcripts.execute(socket, validateFrame(TranscriptRequestFrame, body), ref);
      case 'message.receipt':
        return this.receipts.receive(socket, validateFrame(MessageReceiptFrame, body));
      case 'ping':
        validateFrame(PingFrame, body);
        return sendFrame(socket, { type: 'pong', ...refField(ref) });
      case 'invitation.accept':
        return this.invitations.accept(socket, validateFrame(InvitationAnswerFrame, body), ref);
      case 'invitation.dismiss':
        return this.invitations.dismiss(socket, validateFrame(InvitationAnswerFrame, body), ref);
    }
  }
}
