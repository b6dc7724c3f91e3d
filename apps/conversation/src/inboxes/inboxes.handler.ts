import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateInboxRequest,
  DeleteInboxRequest,
  GetInboxRequest,
  SUBJECTS,
  UpdateInboxRequest,
  WorkspaceScopedRequest,
  type InboxView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { InboxAdministration } from './inbox-administration';
import { InboxDirectory } from './inbox-directory';

@Controller()
export class InboxesHandler {
  constructor(
    private readonly inboxes: InboxDirectory,
    private readonly administration: InboxAdministration,
  ) {}

  @RequestPattern(SUBJECTS.conversation.getInbox)
  get(@Payload() request: GetInboxRequest): Promise<InboxView> {
    return this.inboxes.get(request.inboxId);
  }

  @RequestPattern(SUBJECTS.conversation.listInboxes)
  list(@Payload() request: WorkspaceScopedRequest): Promise<InboxView[]> {
    return this.administration.list(request.workspaceId);
  }

  @RequestPattern(SUBJECTS.conversation.createInbox)
  create(@Payload() request: CreateInboxRequest): Promise<InboxView> {
    return this.administration.create(request);
  }

  @RequestPattern(SUBJECTS.conversation.updateInbox)
  update(@Payload() request: UpdateInboxRequest): Promise<InboxView> {
    return this.administration.update(request);
  }

  @RequestPattern(SUBJECTS.conversation.deleteInbox)
  delete(@Payload() request: DeleteInboxRequest): Promise<InboxView> {
    return this.administration.delete(request);
  }
}
