import { Injectable } from '@nestjs/common';
import type {
  CreateSlaPolicyRequest,
  RemoveSlaPolicyRequest,
  SlaPolicyView,
  UpdateSlaPolicyRequest,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { RoutingErrors } from '../routing.errors';
import { policyView, SlaPoliciesRepository } from './sla-policies.repository';

/**
 * SLA policies of a workspace. A change applies to clocks started afterwards, and to running
 * clocks of a ticket when its priority, category or VIP flag next changes.
 */
@Injectable()
export class SlaPoliciesService {
  private readonly policies: SlaPoliciesRepository;

  constructor(database: Database) {
    this.policies = new SlaPoliciesRepository(database.dataSource.manager);
  }

  async list(workspaceId: string): Promise<SlaPolicyView[]> {
    return (await this.policies.list(workspaceId)).map(policyView);
  }

  async create({ workspaceId, ...fields }: CreateSlaPolicyRequest): Promise<SlaPolicyView> {
    return policyView(await this.policies.create(workspaceId, fields));
  }

  async update({
    workspaceId,
    policyId,
    ...fields
  }: UpdateSlaPolicyRequest): Promise<SlaPolicyView> {
    const policy = await this.policies.update(workspaceId, policyId, fields);
    if (!policy) throw RoutingErrors.slaPolicyNotFound();
    return policyView(policy);
  }

  async remove({ workspaceId, policyId }: RemoveSlaPolicyRequest): Promise<{ removed: true }> {
    if (!(await this.policies.remove(workspaceId, policyId)))
      throw RoutingErrors.slaPolicyNotFound();
    return { removed: true };
  }
}
