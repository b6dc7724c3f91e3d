import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetQueueRequest,
  PickConversationRequest,
  SUBJECTS,
  TransferConversationRequest,
  type ConversationView,
  type QueueEntryView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { PickConversation } from './pick-conversation.use-case';
import { QueueService } from './queue.service';
import { TransferConversation } from './transfer-conversation.use-case';

@Controller()
export class QueueHandler {
  constructor(
    private readonly queue: QueueService,
    private readonly pickConversation: PickConversation,
    private readonly transferConversation: TransferConversation,
  ) {}

  @RequestPattern(SUBJECTS.routing.getQueue)
  get(@Payload() request: GetQueueRequest): Promise<QueueEntryView[]> {
    return this.queue.get(request.workspaceId, request.departmentId);
  }

  @RequestPattern(SUBJECTS.routing.pick)
  pick(@Payload() request: PickConversationRequest): Promise<ConversationView> {
    return this.pickConversation.execute(request);
  }

  @RequestPattern(SUBJECTS.routing.transfer)
  transfer(@Payload() request: TransferConversationRequest): Promise<ConversationView> {
    return this.transferConversation.execute(request);
  }
}
