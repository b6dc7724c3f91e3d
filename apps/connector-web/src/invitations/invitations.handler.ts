import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SendInvitationRequest, SUBJECTS, type InvitationView } from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { InvitationsService } from './invitations.service';

@Controller()
export class InvitationsHandler {
  constructor(private readonly invitations: InvitationsService) {}

  @RequestPattern(SUBJECTS.web.sendInvitation)
  send(@Payload() request: SendInvitationRequest): Promise<InvitationView> {
    return this.invitations.send(request);
  }
}
