import type { SlaMetric } from '@hub/contracts';
import type { Priority } from '@hub/domain';
import type { SlaPolicy } from './sla-policy.entity';

/** What a policy is matched against. */
export interface PolicyFacts {
  priority: Priority;
  categoryId: string | null;
  vip: boolean;
}

/** The first policy (in the order given) whose every condition holds; null when none. */
export function matchPolicy(policies: SlaPolicy[], facts: PolicyFacts): SlaPolicy | null {
  return (
    policies.find(
      (policy) =>
        (policy.priorities.length === 0 || policy.priorities.includes(facts.priority)) &&
        (policy.categoryIds.length === 0 ||
          (facts.categoryId !== null && policy.categoryIds.includes(facts.categoryId))) &&
        (policy.vip === null || policy.vip === facts.vip),
    ) ?? null
  );
}

/** The policy's target for `metric` in minutes; null starts no clock. */
export function targetOf(policy: SlaPolicy, metric: SlaMetric): number | null {
  switch (metric) {
    case 'first_response':
      return policy.firstResponseMinutes;
    case 'next_response':
      return policy.nextResponseMinutes;
    case 'resolution':
      return policy.resolutionMinutes;
  }
}
