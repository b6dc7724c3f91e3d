import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetQueueRequest,
  PickConversationRequest,
  SUBJECTS,
  TransferConversationRequest,
  type ConversationView,
  type QueueEntryView,
} from '@hub/contracts';
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

  @MessagePattern(SUBJECTS.routing.getQueue)
  get(@Payload() request: GetQueueRequest): Promise<QueueEntryView[]> {
    return this.queue.get(request.workspaceId, request.departmentId);
  }

  @MessagePattern(SUBJECTS.routing.pick)
  pick(@Payload() request: PickConversationRequest): Promise<ConversationView> {
    return this.pickConversation.execute(request);
  }

  @MessagePattern(SUBJECTS.routing.transfer)
  transfer(@Payload() request: TransferConversationRequest): Promise<ConversationView> {
    return this.transferConversation.execute(request);
  }
}
