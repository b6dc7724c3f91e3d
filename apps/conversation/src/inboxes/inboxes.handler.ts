import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GetInboxRequest, SUBJECTS, type InboxView } from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { InboxDirectory } from './inbox-directory';

@Controller()
export class InboxesHandler {
  constructor(private readonly inboxes: InboxDirectory) {}

  @RequestPattern(SUBJECTS.conversation.getInbox)
  get(@Payload() request: GetInboxRequest): Promise<InboxView> {
    // Fresh, not cached: other services read the inbox's settings (and cache them briefly).
    return this.inboxes.read(request.inboxId);
  }
}
