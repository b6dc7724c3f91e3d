import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SubmitCsatRequest, SUBJECTS, type CsatView } from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { SubmitCsat } from './submit-csat.use-case';

@Controller()
export class CsatHandler {
  constructor(private readonly submitCsat: SubmitCsat) {}

  @RequestPattern(SUBJECTS.conversation.submitCsat)
  submit(@Payload() request: SubmitCsatRequest): Promise<CsatView> {
    return this.submitCsat.execute(request);
  }
}
