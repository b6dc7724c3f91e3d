import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AgentEmailTranscriptRequest,
  EmailTranscriptRequest,
  SUBJECTS,
  type EmailTranscriptReply,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { EmailTranscript } from './email-transcript.use-case';

@Controller()
export class EmailTranscriptHandler {
  constructor(private readonly emailTranscript: EmailTranscript) {}

  @RequestPattern(SUBJECTS.conversation.emailTranscript)
  request(@Payload() request: EmailTranscriptRequest): Promise<EmailTranscriptReply> {
    return this.emailTranscript.forVisitor(request);
  }

  @RequestPattern(SUBJECTS.conversation.agentEmailTranscript)
  requestByAgent(@Payload() request: AgentEmailTranscriptRequest): Promise<EmailTranscriptReply> {
    return this.emailTranscript.forAgent(request);
  }
}
