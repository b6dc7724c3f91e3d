import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateCannedResponseRequest,
  DeleteCannedResponseRequest,
  ListCannedResponsesRequest,
  SUBJECTS,
  UpdateCannedResponseRequest,
  type CannedResponseView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { CannedResponseRepository } from './canned-response.repository';

@Controller()
export class CannedResponsesHandler {
  constructor(private readonly cannedResponses: CannedResponseRepository) {}

  @RequestPattern(SUBJECTS.conversation.listCannedResponses)
  list(@Payload() request: ListCannedResponsesRequest): Promise<CannedResponseView[]> {
    return this.cannedResponses.listVisible(request);
  }

  @RequestPattern(SUBJECTS.conversation.createCannedResponse)
  create(@Payload() request: CreateCannedResponseRequest): Promise<CannedResponseView> {
    return this.cannedResponses.create(request);
  }

  @RequestPattern(SUBJECTS.conversation.updateCannedResponse)
  update(@Payload() request: UpdateCannedResponseRequest): Promise<CannedResponseView> {
    return this.cannedResponses.update(request);
  }

  @RequestPattern(SUBJECTS.conversation.deleteCannedResponse)
  delete(@Payload() request: DeleteCannedResponseRequest): Promise<CannedResponseView> {
    return this.cannedResponses.delete(request);
  }
}
