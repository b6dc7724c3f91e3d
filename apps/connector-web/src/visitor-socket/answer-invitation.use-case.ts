import { Injectable } from '@nestjs/common';
import { refField, type FrameRef } from '@hub/socket-kit';
import { InvitationsService } from '../invitations/invitations.service';
import type { InvitationAnswerFrame } from './frames/invitation-frames';
import { sendFrame } from './send-frame';
import type { VisitorSocket } from './visitor-socket';

/** `invitation.accept` / `invitation.dismiss` → `invitation.ack`. */
@Injectable()
export class AnswerInvitation {
  constructor(private readonly invitations: InvitationsService) {}

  async accept(socket: VisitorSocket, frame: InvitationAnswerFrame, ref?: FrameRef): Promise<void> {
    const { conversationId } = await this.invitations.accept(socket.visitor!, frame.invitationId);
    sendFrame(socket, {
      type: 'invitation.ack',
      ...refField(ref),
      invitationId: frame.invitationId,
      conversationId,
    });
  }

  async dismiss(
    socket: VisitorSocket,
    frame: InvitationAnswerFrame,
    ref?: FrameRef,
  ): Promise<void> {
    await this.invitations.dismiss(socket.visitor!, frame.invitationId);
    sendFrame(socket, {
      type: 'invitation.ack',
      ...refField(ref),
      invitationId: frame.invitationId,
      conversationId: null,
    });
  }
}
