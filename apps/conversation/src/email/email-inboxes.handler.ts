import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  FindEmailInboxRequest,
  ListPolledEmailInboxesRequest,
  SUBJECTS,
  type EmailInboxView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { EmailInboxDirectory } from './email-inbox-directory';

@Controller()
export class EmailInboxesHandler {
  constructor(private readonly inboxes: EmailInboxDirectory) {}

  @RequestPattern(SUBJECTS.conversation.findEmailInbox)
  find(@Payload() request: FindEmailInboxRequest): Promise<EmailInboxView> {
    return this.inboxes.find(request.address);
  }

  @RequestPattern(SUBJECTS.conversation.listPolledEmailInboxes)
  listPolled(@Payload() _request: ListPolledEmailInboxesRequest): Promise<EmailInboxView[]> {
    return this.inboxes.listPolled();
  }
}
