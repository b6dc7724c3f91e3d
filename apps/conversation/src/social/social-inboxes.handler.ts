import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { FindSocialInboxRequest, SUBJECTS, type SocialInboxView } from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { SocialInboxDirectory } from './social-inbox-directory';

@Controller()
export class SocialInboxesHandler {
  constructor(private readonly inboxes: SocialInboxDirectory) {}

  @RequestPattern(SUBJECTS.conversation.findSocialInbox)
  find(@Payload() request: FindSocialInboxRequest): Promise<SocialInboxView> {
    return this.inboxes.find(request);
  }
}
