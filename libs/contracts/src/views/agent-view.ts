import type { AgentPresence, AgentRole } from '@hub/domain';

export interface AgentView {
  id: string;
  workspaceId: string;
  name: string;
  email: string;
  role: AgentRole;
  /** False once an admin deactivated (removed) the agent: they cannot log in or act. */
  active: boolean;
  maxConcurrentChats: number;
  presence: AgentPresence;
  /** Conversations assigned to the agent and not yet resolved. */
  activeChats: number;
  departmentIds: string[];
}

export interface DepartmentView {
  id: string;
  workspaceId: string;
  name: string;
  agentIds: string[];
  /** Conversations of this department waiting for an agent. */
  queueLength: number;
}

export interface QueueEntryView {
  conversationId: string;
  departmentId: string | null;
  /** 1 is next. */
  position: number;
  enqueuedAt: string;
}
