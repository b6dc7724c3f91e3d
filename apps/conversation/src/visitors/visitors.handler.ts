import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AcceptInvitationRequest,
  SUBJECTS,
  VisitorSummariesRequest,
  type AcceptInvitationReply,
  type VisitorSummary,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { AcceptInvitation } from './accept-invitation.use-case';
import { VisitorSummaries } from './visitor-summaries.query';

/** What connector-web asks about its web visitors. */
@Controller()
export class VisitorsHandler {
  constructor(
    private readonly summaries: VisitorSummaries,
    private readonly acceptInvitation: AcceptInvitation,
  ) {}

  @RequestPattern(SUBJECTS.conversation.visitorSummaries)
  summarize(@Payload() request: VisitorSummariesRequest): Promise<VisitorSummary[]> {
    return this.summaries.execute(request);
  }

  @RequestPattern(SUBJECTS.conversation.acceptInvitation)
  accept(@Payload() request: AcceptInvitationRequest): Promise<AcceptInvitationReply> {
    return this.acceptInvitation.execute(request);
  }
}
