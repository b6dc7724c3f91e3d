import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SendAgentMessageRequest, SUBJECTS, type MessageView } from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { SendAgentMessage } from './send-agent-message.use-case';

@Controller()
export class MessagesHandler {
  constructor(private readonly sendAgentMessage: SendAgentMessage) {}

  @RequestPattern(SUBJECTS.conversation.sendAgentMessage)
  send(@Payload() request: SendAgentMessageRequest): Promise<MessageView> {
    return this.sendAgentMessage.execute(request);
  }
}
