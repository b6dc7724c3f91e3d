import type { AgentPresence, AgentRole } from '@hub/domain';

export interface AgentView {
  id: string;
  workspaceId: string;
  name: string;
  /** An http(s) URL of the agent's picture, shown to visitors; null when none was set. */
  avatarUrl: string | null;
  email: string;
  role: AgentRole;
  /** False once an admin deactivated (removed) the agent: they cannot log in or act. */
  active: boolean;
  maxConcurrentChats: number;
  presence: AgentPresence;
  /** Conversations assigned to the agent and not yet resolved. */
  activeChats: number;
  departmentIds: string[];
  /** The inbox app's language the agent chose (en, zh-CN, zh-TW, ja); null: the browser's. */
  locale: string | null;
}

export interface DepartmentView {
  id: string;
  workspaceId: string;
  name: string;
  agentIds: string[];
  /** Conversations of this department waiting for an agent. */
  queueLength: number;
  /** Reserved for VIP customers: others' conversations never wait in its queue. */
  vipOnly: boolean;
}

export interface QueueEntryView {
  conversationId: string;
  departmentId: string | null;
  /** 1 is next. */
  position: number;
  /**
   * A rough wait in seconds, from recent handling times and the agents online; null when there
   * is no recent history or nobody online to serve the queue.
   */
  estimatedWaitSeconds: number | null;
  enqueuedAt: string;
  /** A VIP customer's conversation (it waits before the others). */
  vip: boolean;
}
