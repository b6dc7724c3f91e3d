import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SendAgentMessageRequest, SUBJECTS, type MessageView } from '@hub/contracts';
import { SendAgentMessage } from './send-agent-message.use-case';

@Controller()
export class MessagesHandler {
  constructor(private readonly sendAgentMessage: SendAgentMessage) {}

  @MessagePattern(SUBJECTS.conversation.sendAgentMessage)
  send(@Payload() request: SendAgentMessageRequest): Promise<MessageView> {
    return this.sendAgentMessage.execute(request);
  }
}
