/**
 * Ephemeral realtime fan-out on core NATS (never stored, may be missed: clients resume from
 * the last sequence number they saw). Subjects are per recipient, so each edge replica
 * subscribes to exactly the sockets it holds.
 */
export const realtimeSubjects = {
  /** Everything one visitor's sockets must see: acks, agent messages, queue position, agent typing. */
  visitor: (visitorId: string) => `rt.visitor.${visitorId}`,
  /** Everything one agent's sockets must see: assignments, messages of their conversations. */
  agent: (agentId: string) => `rt.agent.${agentId}`,
  /** Participants' ephemeral activity in one conversation: typing, the visitor's draft. */
  conversation: (conversationId: string) => `rt.conversation.${conversationId}`,
  /** Workspace-wide changes every agent of it sees: queue lengths, presence. */
  workspace: (workspaceId: string) => `rt.workspace.${workspaceId}`,
} as const;
