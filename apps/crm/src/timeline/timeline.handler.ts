import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CustomerTimelineRequest, SUBJECTS, type TimelinePage } from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { CustomerTimeline } from './customer-timeline.service';

@Controller()
export class TimelineHandler {
  constructor(private readonly timeline: CustomerTimeline) {}

  @RequestPattern(SUBJECTS.crm.customerTimeline)
  page(@Payload() request: CustomerTimelineRequest): Promise<TimelinePage> {
    return this.timeline.page(request);
  }
}
