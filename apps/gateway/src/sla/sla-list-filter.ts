import { SUBJECTS, type SlaAlertStanding, type SlaSubject } from '@hub/contracts';
import type { RpcClient } from '@hub/service-kit';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';

/** The SLA filters the conversation and ticket lists share. */
export interface SlaListFilter {
  sla?: SlaAlertStanding;
  slaDueWithin?: number;
}

/**
 * The ids a list narrows to when it filters by SLA (routing keeps the clocks; at most the 1,000
 * soonest due), or undefined when it does not.
 */
export async function slaFilteredIds(
  rpc: RpcClient,
  agent: AuthenticatedAgent,
  filter: SlaListFilter,
  subjectType: SlaSubject,
): Promise<string[] | undefined> {
  if (filter.sla === undefined && filter.slaDueWithin === undefined) return undefined;
  return rpc.request(SUBJECTS.routing.slaAlertingTickets, {
    workspaceId: agent.workspaceId,
    subjectType,
    ...(filter.sla ? { standing: filter.sla } : {}),
    ...(filter.slaDueWithin ? { dueWithinMinutes: filter.slaDueWithin } : {}),
  });
}
