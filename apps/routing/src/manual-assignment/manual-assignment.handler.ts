import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  PickConversationRequest,
  SUBJECTS,
  TransferConversationRequest,
  type ConversationView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { PickConversation } from './pick-conversation.use-case';
import { TransferConversation } from './transfer-conversation.use-case';

@Controller()
export class ManualAssignmentHandler {
  constructor(
    private readonly pickConversation: PickConversation,
    private readonly transferConversation: TransferConversation,
  ) {}

  @RequestPattern(SUBJECTS.routing.pick)
  pick(@Payload() request: PickConversationRequest): Promise<ConversationView> {
    return this.pickConversation.execute(request);
  }

  @RequestPattern(SUBJECTS.routing.transfer)
  transfer(@Payload() request: TransferConversationRequest): Promise<ConversationView> {
    return this.transferConversation.execute(request);
  }
}
