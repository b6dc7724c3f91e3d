import type { AgentPresence } from '@hub/domain';

/** One queue as it stands: a department's, or the workspace-wide one (`departmentId` null). */
export interface LiveQueueFigures {
  departmentId: string | null;
  /** The department's name; null for the workspace-wide queue. */
  name: string | null;
  /** Reserved for VIP customers. */
  vipOnly: boolean;
  /** Conversations waiting for an agent. */
  waiting: number;
  /** Of them, conversations of VIP customers. */
  vipWaiting: number;
  /** Seconds the longest-waiting conversation has waited (since it joined the queue); null when none waits. */
  longestWaitSeconds: number | null;
}

/** An agent who is not offline, with their load. */
export interface LiveAgentFigures {
  agentId: string;
  name: string;
  presence: AgentPresence;
  activeChats: number;
  maxConcurrentChats: number;
  departmentIds: string[];
}

/**
 * `routing.live.get` → LiveFiguresView: the supervisor view's live figures, read in one
 * snapshot of routing's tables.
 */
export interface LiveFiguresView {
  /** When the figures were read (the database's clock). */
  at: string;
  /** Every department of the workspace, then the workspace-wide queue. */
  queues: LiveQueueFigures[];
  /** The workspace's longest wait, over every queue; null when none waits. */
  longestWaitSeconds: number | null;
  /** Agents online (taking conversations). */
  agentsOnline: number;
  /** Agents online or away, by name. */
  agents: LiveAgentFigures[];
}
