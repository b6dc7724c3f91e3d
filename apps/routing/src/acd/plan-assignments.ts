/** An online agent with at least one free slot, as the queue drain sees it. */
export interface Candidate {
  agentId: string;
  activeChats: number;
  maxChats: number;
  /** When the agent last got a conversation; null = never (idle longest of all). */
  lastAssignedAt: Date | null;
  departmentIds: readonly string[];
}

/** A waiting conversation, in queue order. */
export interface Waiting {
  conversationId: string;
  /** null: the workspace-wide queue, which any agent of the workspace may take. */
  departmentId: string | null;
  /** The agent who just transferred it away does not get it straight back. */
  excludedAgentId: string | null;
}

export interface PlannedAssignment {
  conversationId: string;
  agentId: string;
  departmentId: string | null;
}

/**
 * Least-loaded first; ties go to the agent idle longest (oldest last assignment, never
 * assigned before anyone); the agent id makes the order total, so replicas agree.
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.activeChats !== b.activeChats) return a.activeChats - b.activeChats;
  const idleA = a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const idleB = b.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (idleA !== idleB) return idleA < idleB ? -1 : 1;
  return a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0;
}

export function canTake(candidate: Candidate, waiting: Waiting): boolean {
  return (
    candidate.activeChats < candidate.maxChats &&
    candidate.agentId !== waiting.excludedAgentId &&
    (waiting.departmentId === null || candidate.departmentIds.includes(waiting.departmentId))
  );
}

/** The best agent for one waiting conversation, or undefined when nobody eligible is free. */
export function chooseAgent(
  waiting: Waiting,
  candidates: readonly Candidate[],
): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (canTake(candidate, waiting) && (!best || compareCandidates(candidate, best) < 0))
      best = candidate;
  }
  return best;
}

/**
 * Hands out free slots to the queue in order (greedy, first come first served). A conversation
 * nobody can take stays; those behind it in other departments still get their chance. Each
 * assignment updates the chosen agent's load and idle time before the next choice, so one
 * drain spreads a burst over agents exactly as one-by-one arrivals would be.
 */
export function planAssignments(
  queue: readonly Waiting[],
  candidates: readonly Candidate[],
  now: Date,
): PlannedAssignment[] {
  const agents = candidates.map((candidate) => ({ ...candidate }));
  const planned: PlannedAssignment[] = [];
  let tick = now.getTime();
  for (const waiting of queue) {
    if (!agents.some((agent) => agent.activeChats < agent.maxChats)) break;
    const agent = chooseAgent(waiting, agents);
    if (!agent) continue;
    agent.activeChats += 1;
    // Later assignments of this drain count as more recent than earlier ones.
    agent.lastAssignedAt = new Date(tick++);
    planned.push({
      conversationId: waiting.conversationId,
      agentId: agent.agentId,
      departmentId: waiting.departmentId,
    });
  }
  return planned;
}
