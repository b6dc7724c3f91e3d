import type {
  AgentChangedRealtime,
  AgentRealtimeEvent,
  ConversationRealtimeEvent,
  OnlookerRealtimeEvent,
  RealtimeEvent,
  VisitorRealtimeEvent,
  WorkspaceRealtimeEvent,
} from './realtime-event';

declare const accepts: unique symbol;

/**
 * A realtime subject that carries the events `E` its subscribers expect. It is a plain string
 * at run time (subscribers and tests use it as one), but only {@link realtimeSubjects} makes it,
 * so a publisher cannot send an event to a subject whose subscribers do not expect it.
 */
export type RealtimeSubject<E extends RealtimeEvent> = string & {
  // Never set at run time; required, so a plain string is not a RealtimeSubject. A function
  // type, so a subject accepting more events stands in for one accepting fewer.
  readonly [accepts]: (event: E) => void;
};

function subject<E extends RealtimeEvent>(value: string): RealtimeSubject<E> {
  return value as RealtimeSubject<E>;
}

/**
 * Ephemeral realtime fan-out on core NATS (never stored, may be missed: clients resume from
 * the last sequence number they saw). Subjects are per recipient, so each edge replica
 * subscribes to exactly the sockets it holds.
 */
export const realtimeSubjects = {
  /** Everything one visitor's sockets must see: acks, agent messages, conversation changes. */
  visitor: (visitorId: string) => subject<VisitorRealtimeEvent>(`rt.visitor.${visitorId}`),
  /** Everything one agent's sockets must see: assignments, messages of their conversations. */
  agent: (agentId: string) => subject<AgentRealtimeEvent>(`rt.agent.${agentId}`),
  /** Participants' ephemeral activity in one conversation: typing, the visitor's draft, queue position. */
  conversation: (conversationId: string) =>
    subject<ConversationRealtimeEvent>(`rt.conversation.${conversationId}`),
  /**
   * What those watching one conversation (supervisors, read-only) must see: its stored messages
   * and notes. Apart from `conversation`, which visitor edges subscribe to: notes never go near them.
   */
  onlookers: (conversationId: string) =>
    subject<OnlookerRealtimeEvent>(`rt.onlookers.${conversationId}`),
  /** Workspace-wide changes every agent of it sees: conversation changes, queue lengths, presence. */
  workspace: (workspaceId: string) =>
    subject<WorkspaceRealtimeEvent>(`rt.workspace.${workspaceId}`),
  /**
   * Every agent change, to every replica of the services that cache agents' roles (no queue
   * group): each drops its cached entry at once. A replica that misses one (NATS away) still
   * re-reads the agent within its cache's one-second lifetime.
   */
  agentChanges: () => subject<AgentChangedRealtime>('rt.routing.agent.changed'),
} as const;
