import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS, VisitorVisitsRequest, type VisitView } from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { VisitorVisits } from './visitor-visits.query';

@Controller()
export class VisitorVisitsHandler {
  constructor(private readonly visits: VisitorVisits) {}

  @RequestPattern(SUBJECTS.web.visitorVisits)
  page(@Payload() request: VisitorVisitsRequest): Promise<VisitView[]> {
    return this.visits.page(request);
  }
}
