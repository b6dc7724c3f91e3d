import { Injectable } from '@nestjs/common';
import { SUBJECTS, type CustomerMergeView } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { actorOf, type AuthenticatedAgent } from '../auth/authenticated-agent';

/** Customer merges and their undo, done by crm in the agent's workspace. */
@Injectable()
export class CustomerMergesService {
  constructor(private readonly rpc: RpcClient) {}

  merge(
    agent: AuthenticatedAgent,
    merge: { customerId: string; otherCustomerId: string },
  ): Promise<CustomerMergeView> {
    return this.rpc.request(
      SUBJECTS.crm.mergeCustomers,
      { workspaceId: agent.workspaceId, ...merge, actor: actorOf(agent) },
      // Moving a big customer's rows takes longer than a lookup.
      { timeoutMs: 30_000 },
    );
  }

  undo(agent: AuthenticatedAgent, mergeId: string): Promise<CustomerMergeView> {
    return this.rpc.request(
      SUBJECTS.crm.undoCustomerMerge,
      { workspaceId: agent.workspaceId, mergeId, actor: actorOf(agent) },
      { timeoutMs: 30_000 },
    );
  }
}
