import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  FindEmailInboxRequest,
  ListPolledEmailInboxesRequest,
  OpenOfflineMessageConversationRequest,
  SUBJECTS,
  type EmailInboxView,
  type OpenOfflineMessageConversationReply,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { EmailInboxDirectory } from './email-inbox-directory';
import { OpenOfflineMessageConversation } from './open-offline-message-conversation.use-case';

@Controller()
export class EmailInboxesHandler {
  constructor(
    private readonly inboxes: EmailInboxDirectory,
    private readonly openOfflineMessage: OpenOfflineMessageConversation,
  ) {}

  @RequestPattern(SUBJECTS.conversation.findEmailInbox)
  find(@Payload() request: FindEmailInboxRequest): Promise<EmailInboxView> {
    return this.inboxes.find(request.address);
  }

  @RequestPattern(SUBJECTS.conversation.listPolledEmailInboxes)
  listPolled(@Payload() _request: ListPolledEmailInboxesRequest): Promise<EmailInboxView[]> {
    return this.inboxes.listPolled();
  }

  @RequestPattern(SUBJECTS.conversation.openOfflineMessageConversation)
  openOfflineMessageConversation(
    @Payload() request: OpenOfflineMessageConversationRequest,
  ): Promise<OpenOfflineMessageConversationReply> {
    return this.openOfflineMessage.execute(request);
  }
}
