import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateSlaPolicyRequest,
  ListSlaClocksRequest,
  RemoveSlaPolicyRequest,
  SlaAlertingTicketsRequest,
  SlaStandingsRequest,
  SUBJECTS,
  UpdateSlaPolicyRequest,
  WorkspaceScopedRequest,
  type SlaClockView,
  type SlaPolicyView,
  type SlaStandingView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { SlaClocksService } from './sla-clocks.service';
import { SlaPoliciesService } from './sla-policies.service';

@Controller()
export class SlaHandler {
  constructor(
    private readonly policies: SlaPoliciesService,
    private readonly clocks: SlaClocksService,
  ) {}

  @RequestPattern(SUBJECTS.routing.listSlaPolicies)
  listPolicies(@Payload() request: WorkspaceScopedRequest): Promise<SlaPolicyView[]> {
    return this.policies.list(request.workspaceId);
  }

  @RequestPattern(SUBJECTS.routing.createSlaPolicy)
  createPolicy(@Payload() request: CreateSlaPolicyRequest): Promise<SlaPolicyView> {
    return this.policies.create(request);
  }

  @RequestPattern(SUBJECTS.routing.updateSlaPolicy)
  updatePolicy(@Payload() request: UpdateSlaPolicyRequest): Promise<SlaPolicyView> {
    return this.policies.update(request);
  }

  @RequestPattern(SUBJECTS.routing.removeSlaPolicy)
  removePolicy(@Payload() request: RemoveSlaPolicyRequest): Promise<{ removed: true }> {
    return this.policies.remove(request);
  }

  @RequestPattern(SUBJECTS.routing.listSlaClocks)
  listClocks(@Payload() request: ListSlaClocksRequest): Promise<SlaClockView[]> {
    return this.clocks.list(request);
  }

  @RequestPattern(SUBJECTS.routing.slaStandings)
  standings(@Payload() request: SlaStandingsRequest): Promise<SlaStandingView[]> {
    return this.clocks.standings(request);
  }

  @RequestPattern(SUBJECTS.routing.slaAlertingTickets)
  alertingTickets(@Payload() request: SlaAlertingTicketsRequest): Promise<string[]> {
    return this.clocks.alertingTickets(request);
  }
}
