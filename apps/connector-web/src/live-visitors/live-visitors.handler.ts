import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ListOnlineVisitorsRequest,
  SUBJECTS,
  VisitorTrailRequest,
  type VisitorTrailView,
  type VisitorView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { VisitorTrail } from './visitor-trail';
import { VisitorViews } from './visitor-views';

@Controller()
export class LiveVisitorsHandler {
  constructor(
    private readonly views: VisitorViews,
    private readonly trails: VisitorTrail,
  ) {}

  @RequestPattern(SUBJECTS.web.listOnlineVisitors)
  online(@Payload() request: ListOnlineVisitorsRequest): Promise<VisitorView[]> {
    return this.views.online(request.workspaceId);
  }

  @RequestPattern(SUBJECTS.web.visitorTrail)
  trail(@Payload() request: VisitorTrailRequest): Promise<VisitorTrailView> {
    return this.trails.trail(request);
  }
}
