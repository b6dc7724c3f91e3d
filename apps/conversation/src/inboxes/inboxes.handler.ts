import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetInboxRequest, SUBJECTS } from '@hub/contracts';
import { InboxDirectory, type InboxInfo } from './inbox-directory';

@Controller()
export class InboxesHandler {
  constructor(private readonly inboxes: InboxDirectory) {}

  @MessagePattern(SUBJECTS.conversation.getInbox)
  get(@Payload() request: GetInboxRequest): Promise<InboxInfo> {
    return this.inboxes.get(request.inboxId);
  }
}
