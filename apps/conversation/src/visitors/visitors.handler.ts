import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AcceptInvitationRequest,
  SUBJECTS,
  VisitorReceiptRequest,
  VisitorSummariesRequest,
  type AcceptInvitationReply,
  type VisitorReceiptReply,
  type VisitorSummary,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { AcceptInvitation } from './accept-invitation.use-case';
import { RecordVisitorReceipt } from './record-visitor-receipt.use-case';
import { VisitorSummaries } from './visitor-summaries.query';

/** What connector-web asks about its web visitors. */
@Controller()
export class VisitorsHandler {
  constructor(
    private readonly summaries: VisitorSummaries,
    private readonly acceptInvitation: AcceptInvitation,
    private readonly receipts: RecordVisitorReceipt,
  ) {}

  @RequestPattern(SUBJECTS.conversation.visitorSummaries)
  summarize(@Payload() request: VisitorSummariesRequest): Promise<VisitorSummary[]> {
    return this.summaries.execute(request);
  }

  @RequestPattern(SUBJECTS.conversation.acceptInvitation)
  accept(@Payload() request: AcceptInvitationRequest): Promise<AcceptInvitationReply> {
    return this.acceptInvitation.execute(request);
  }

  @RequestPattern(SUBJECTS.conversation.recordVisitorReceipt)
  recordReceipt(@Payload() request: VisitorReceiptRequest): Promise<VisitorReceiptReply> {
    return this.receipts.execute(request);
  }
}
