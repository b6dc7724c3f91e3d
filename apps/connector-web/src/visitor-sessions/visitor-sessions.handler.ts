import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  RevokeVisitorSessionsRequest,
  SUBJECTS,
  type RevokeVisitorSessionsReply,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { VisitorSessionsService } from './visitor-sessions.service';

@Controller()
export class VisitorSessionsHandler {
  constructor(private readonly sessions: VisitorSessionsService) {}

  @RequestPattern(SUBJECTS.web.revokeVisitorSessions)
  revoke(@Payload() request: RevokeVisitorSessionsRequest): Promise<RevokeVisitorSessionsReply> {
    return this.sessions.revoke(request);
  }
}
