import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  RemoveBusinessHoursRequest,
  SetBusinessHoursRequest,
  SUBJECTS,
  WorkspaceScopedRequest,
  type BusinessHoursView,
  type RemoveBusinessHoursReply,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { BusinessHoursService } from './business-hours.service';

@Controller()
export class BusinessHoursHandler {
  constructor(private readonly hours: BusinessHoursService) {}

  @RequestPattern(SUBJECTS.routing.listBusinessHours)
  list(@Payload() request: WorkspaceScopedRequest): Promise<BusinessHoursView[]> {
    return this.hours.list(request.workspaceId);
  }

  @RequestPattern(SUBJECTS.routing.setBusinessHours)
  set(@Payload() request: SetBusinessHoursRequest): Promise<BusinessHoursView> {
    return this.hours.set(request);
  }

  @RequestPattern(SUBJECTS.routing.removeBusinessHours)
  remove(@Payload() request: RemoveBusinessHoursRequest): Promise<RemoveBusinessHoursReply> {
    return this.hours.remove(request);
  }
}
