import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type BusinessHoursFields,
  type BusinessHoursView,
  type SlaClockView,
  type SlaPolicyFields,
  type SlaPolicyView,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { authErrors } from '../auth/auth.exception';
import { isSupervisor, type AuthenticatedAgent } from '../auth/authenticated-agent';

/**
 * Business hours, SLA policies and clocks, from routing, always within the agent's workspace.
 * Every agent reads them; supervisors and admins change them.
 */
@Injectable()
export class SlaService {
  constructor(private readonly rpc: RpcClient) {}

  listHours(agent: AuthenticatedAgent): Promise<BusinessHoursView[]> {
    return this.rpc.request(SUBJECTS.routing.listBusinessHours, {
      workspaceId: agent.workspaceId,
    });
  }

  setHours(
    agent: AuthenticatedAgent,
    departmentId: string | null,
    hours: BusinessHoursFields,
  ): Promise<BusinessHoursView> {
    assertSupervisor(agent, 'change business hours');
    const { timeZone, week, holidays } = hours;
    return this.rpc.request(SUBJECTS.routing.setBusinessHours, {
      workspaceId: agent.workspaceId,
      departmentId,
      timeZone,
      week,
      holidays,
    });
  }

  async removeHours(agent: AuthenticatedAgent, departmentId: string | null): Promise<void> {
    assertSupervisor(agent, 'change business hours');
    await this.rpc.request(SUBJECTS.routing.removeBusinessHours, {
      workspaceId: agent.workspaceId,
      departmentId,
    });
  }

  listPolicies(agent: AuthenticatedAgent): Promise<SlaPolicyView[]> {
    return this.rpc.request(SUBJECTS.routing.listSlaPolicies, { workspaceId: agent.workspaceId });
  }

  createPolicy(agent: AuthenticatedAgent, fields: SlaPolicyFields): Promise<SlaPolicyView> {
    assertSupervisor(agent, 'change SLA policies');
    return this.rpc.request(SUBJECTS.routing.createSlaPolicy, {
      ...policyFields(fields),
      workspaceId: agent.workspaceId,
    });
  }

  updatePolicy(
    agent: AuthenticatedAgent,
    policyId: string,
    fields: SlaPolicyFields,
  ): Promise<SlaPolicyView> {
    assertSupervisor(agent, 'change SLA policies');
    return this.rpc.request(SUBJECTS.routing.updateSlaPolicy, {
      ...policyFields(fields),
      workspaceId: agent.workspaceId,
      policyId,
    });
  }

  async removePolicy(agent: AuthenticatedAgent, policyId: string): Promise<void> {
    assertSupervisor(agent, 'change SLA policies');
    await this.rpc.request(SUBJECTS.routing.removeSlaPolicy, {
      workspaceId: agent.workspaceId,
      policyId,
    });
  }

  listClocks(agent: AuthenticatedAgent, subjectId: string): Promise<SlaClockView[]> {
    return this.rpc.request(SUBJECTS.routing.listSlaClocks, {
      workspaceId: agent.workspaceId,
      subjectId,
    });
  }
}

function assertSupervisor(agent: AuthenticatedAgent, what: string): void {
  if (!isSupervisor(agent)) throw authErrors.forbidden(what);
}

// Only the policy's own fields travel, whatever else the body object carries.
function policyFields(fields: SlaPolicyFields): SlaPolicyFields {
  const { name, position, priorities, categoryIds, vip, hours } = fields;
  const { firstResponseMinutes, nextResponseMinutes, resolutionMinutes } = fields;
  return {
    name,
    ...(position === undefined ? {} : { position }),
    priorities,
    categoryIds,
    vip,
    firstResponseMinutes,
    nextResponseMinutes,
    resolutionMinutes,
    hours,
  };
}
