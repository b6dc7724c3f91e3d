import { Priority } from '@hub/domain';
import { matchPolicy, targetOf } from './policy-match';
import type { SlaPolicy } from './sla-policy.entity';

const CATEGORY = '00000000-0000-4000-8000-00000000ca7e';

function policy(name: string, fields: Partial<SlaPolicy>): SlaPolicy {
  return {
    id: name,
    name,
    priorities: [],
    categoryIds: [],
    vip: null,
    firstResponseMinutes: 60,
    nextResponseMinutes: null,
    resolutionMinutes: 480,
    hours: 'business',
    ...fields,
  } as SlaPolicy;
}

describe('SLA policy matching', () => {
  const policies = [
    policy('vip', { vip: true, firstResponseMinutes: 5 }),
    policy('urgent billing', { priorities: [Priority.Urgent], categoryIds: [CATEGORY] }),
    policy('high or urgent', { priorities: [Priority.High, Priority.Urgent] }),
    policy('everything', {}),
  ];
  const facts = { priority: Priority.Normal, categoryId: null, vip: false };

  it('takes the first policy whose every condition holds', () => {
    expect(matchPolicy(policies, { ...facts, vip: true })?.name).toBe('vip');
    expect(
      matchPolicy(policies, { ...facts, priority: Priority.Urgent, categoryId: CATEGORY })?.name,
    ).toBe('urgent billing');
    expect(matchPolicy(policies, { ...facts, priority: Priority.Urgent })?.name).toBe(
      'high or urgent',
    );
    expect(matchPolicy(policies, facts)?.name).toBe('everything');
  });

  it('matches nothing when no policy fits, and a category condition never fits no category', () => {
    expect(matchPolicy(policies.slice(0, 2), facts)).toBeNull();
    expect(matchPolicy([policy('billing', { categoryIds: [CATEGORY] })], facts)).toBeNull();
  });

  it('gives each metric its own target, null for none', () => {
    const [vip] = policies;
    expect(targetOf(vip, 'first_response')).toBe(5);
    expect(targetOf(vip, 'next_response')).toBeNull();
    expect(targetOf(vip, 'resolution')).toBe(480);
  });
});
