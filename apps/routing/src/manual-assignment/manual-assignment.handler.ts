import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  PickConversationRequest,
  SUBJECTS,
  TransferConversationRequest,
  type ConversationView,
} from '@hub/contracts';
import { PickConversation } from './pick-conversation.use-case';
import { TransferConversation } from './transfer-conversation.use-case';

@Controller()
export class ManualAssignmentHandler {
  constructor(
    private readonly pickConversation: PickConversation,
    private readonly transferConversation: TransferConversation,
  ) {}

  @MessagePattern(SUBJECTS.routing.pick)
  pick(@Payload() request: PickConversationRequest): Promise<ConversationView> {
    return this.pickConversation.execute(request);
  }

  @MessagePattern(SUBJECTS.routing.transfer)
  transfer(@Payload() request: TransferConversationRequest): Promise<ConversationView> {
    return this.transferConversation.execute(request);
  }
}
