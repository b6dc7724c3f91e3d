import {
  chooseAgent,
  compareCandidates,
  planAssignments,
  type Candidate,
  type Waiting,
} from './plan-assignments';

const at = (iso: string) => new Date(iso);
const now = at('2030-01-01T12:00:00Z');

function agent(agentId: string, overrides: Partial<Candidate> = {}): Candidate {
  return {
    agentId,
    activeChats: 0,
    maxChats: 3,
    lastAssignedAt: null,
    departmentIds: ['sales'],
    ...overrides,
  };
}

function waiting(conversationId: string, overrides: Partial<Waiting> = {}): Waiting {
  return { conversationId, departmentId: 'sales', excludedAgentId: null, ...overrides };
}

describe('choosing an agent', () => {
  it('prefers the least-loaded agent', () => {
    const busy = agent('a', { activeChats: 2 });
    const idle = agent('b', { activeChats: 1 });

    expect(chooseAgent(waiting('c1'), [busy, idle])?.agentId).toBe('b');
  });

  it('breaks a load tie in favour of the agent idle longest', () => {
    const recent = agent('a', { activeChats: 1, lastAssignedAt: at('2030-01-01T11:59:00Z') });
    const longIdle = agent('b', { activeChats: 1, lastAssignedAt: at('2030-01-01T11:00:00Z') });

    expect(chooseAgent(waiting('c1'), [recent, longIdle])?.agentId).toBe('b');
  });

  it('counts an agent never assigned as idle longer than anyone', () => {
    const assigned = agent('a', { lastAssignedAt: at('2000-01-01T00:00:00Z') });
    const never = agent('b');

    expect(chooseAgent(waiting('c1'), [assigned, never])?.agentId).toBe('b');
  });

  it('orders full ties by agent id so every replica decides the same', () => {
    expect(compareCandidates(agent('a'), agent('b'))).toBeLessThan(0);
    expect(compareCandidates(agent('b'), agent('a'))).toBeGreaterThan(0);
  });

  it('never picks an agent without a free slot', () => {
    expect(chooseAgent(waiting('c1'), [agent('a', { activeChats: 3 })])).toBeUndefined();
  });

  it('picks only members of the conversation’s department', () => {
    const support = agent('a', { departmentIds: ['support'] });

    expect(chooseAgent(waiting('c1'), [support])).toBeUndefined();
    expect(chooseAgent(waiting('c1', { departmentId: null }), [support])?.agentId).toBe('a');
  });

  it('skips the agent who transferred the conversation away', () => {
    const candidates = [agent('a'), agent('b', { activeChats: 2 })];

    expect(chooseAgent(waiting('c1', { excludedAgentId: 'a' }), candidates)?.agentId).toBe('b');
  });
});

describe('planning a drain of the queue', () => {
  it('spreads a burst round-robin over equally loaded agents, in queue order', () => {
    const plan = planAssignments(
      [waiting('c1'), waiting('c2'), waiting('c3'), waiting('c4')],
      [agent('a'), agent('b')],
      now,
    );

    expect(plan.map((p) => [p.conversationId, p.agentId])).toEqual([
      ['c1', 'a'],
      ['c2', 'b'],
      ['c3', 'a'],
      ['c4', 'b'],
    ]);
  });

  it('fills free slots and leaves the rest waiting, never exceeding a maximum', () => {
    const queue = Array.from({ length: 20 }, (_, i) => waiting(`c${i + 1}`));
    const agents = [
      agent('a', { maxChats: 1 }),
      agent('b', { maxChats: 1 }),
      agent('c', { maxChats: 1 }),
    ];

    const plan = planAssignments(queue, agents, now);

    expect(plan.map((p) => p.conversationId)).toEqual(['c1', 'c2', 'c3']);
    expect(new Set(plan.map((p) => p.agentId))).toEqual(new Set(['a', 'b', 'c']));
  });

  it('lets a conversation of another department pass one nobody can take', () => {
    const plan = planAssignments(
      [waiting('c1', { departmentId: 'billing' }), waiting('c2')],
      [agent('a')],
      now,
    );

    expect(plan).toEqual([{ conversationId: 'c2', agentId: 'a', departmentId: 'sales' }]);
  });

  it('does not change the candidates it was given', () => {
    const agents = [agent('a')];

    planAssignments([waiting('c1')], agents, now);

    expect(agents[0]).toEqual(agent('a'));
  });
});
