import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ListCannedResponsesRequest, SUBJECTS, type CannedResponseView } from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { CannedResponseRepository } from './canned-response.repository';

@Controller()
export class CannedResponsesHandler {
  constructor(private readonly cannedResponses: CannedResponseRepository) {}

  /** The workspace's shared phrases, plus the department's own when one is given. */
  @RequestPattern(SUBJECTS.conversation.listCannedResponses)
  async list(@Payload() request: ListCannedResponsesRequest): Promise<CannedResponseView[]> {
    const rows = await this.cannedResponses.listVisible(request);
    return rows.map(({ id, shortcut, text, departmentId }) => ({
      id,
      shortcut,
      text,
      departmentId,
    }));
  }
}
