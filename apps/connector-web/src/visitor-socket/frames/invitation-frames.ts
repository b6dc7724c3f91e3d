import { IsEntityId } from '@hub/contracts';

/** `invitation.accept` and `invitation.dismiss`: the visitor's answer to an `invitation`. */
export class InvitationAnswerFrame {
  @IsEntityId()
  invitationId!: string;
}
