import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  SUBJECTS,
  WebVisitorDataRequest,
  type ErasedRows,
  type WebVisitorExport,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { VisitorData } from './visitor-data';

/** A customer's export and erasure, asked by gateway for the customer's web visitor ids. */
@Controller()
export class PrivacyHandler {
  constructor(private readonly visitors: VisitorData) {}

  @RequestPattern(SUBJECTS.web.exportVisitorData)
  export(@Payload() request: WebVisitorDataRequest): Promise<WebVisitorExport> {
    return this.visitors.export(request);
  }

  @RequestPattern(SUBJECTS.web.eraseVisitorData)
  erase(@Payload() request: WebVisitorDataRequest): Promise<ErasedRows> {
    return this.visitors.erase(request);
  }
}
