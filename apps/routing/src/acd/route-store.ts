import { DomainException } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import type { PlannedAssignment } from './plan-assignments';
import type { RoutingEffects } from './routing-effects';
import { queryRows } from './sql';

// SQL shared by every locked routing transaction. Callers hold the workspace lock
// (see workspace-lock.ts), so reads here are stable until commit.

export interface RouteRow {
  conversationId: string;
  workspaceId: string;
  departmentId: string | null;
  state: 'queued' | 'assigned';
  agentId: string | null;
  openedAt: Date;
}

const ROUTE_COLUMNS = `conversation_id as "conversationId", workspace_id as "workspaceId",
  department_id as "departmentId", state, agent_id as "agentId", opened_at as "openedAt"`;

export async function findRoute(
  tx: EntityManager,
  workspaceId: string,
  conversationId: string,
): Promise<RouteRow | undefined> {
  const rows = await queryRows<RouteRow>(
    tx,
    `select ${ROUTE_COLUMNS} from routing.routes where workspace_id = $1 and conversation_id = $2`,
    [workspaceId, conversationId],
  );
  return rows[0];
}

export interface Arrival {
  conversationId: string;
  workspaceId: string;
  departmentId: string | null;
  /** The ConversationOpened event's `occurredAt` and id: they identify this cycle. */
  openedAt: string;
  openedEventId: string;
}

/**
 * Puts a newly opened conversation at the back of its queue; false when routing already has
 * it. Needs no lock (a queued row changes no load): arrivals insert in parallel, and the next
 * drain, under the lock, takes all of them at once.
 */
export async function enqueueArrival(
  db: Pick<EntityManager, 'query'>,
  arrival: Arrival,
): Promise<boolean> {
  const inserted = await queryRows(
    db,
    `insert into routing.routes
       (conversation_id, workspace_id, department_id, state, opened_at, opened_event_id, applied_department_id)
     values ($1, $2, $3, 'queued', $4, $5, $3)
     on conflict (conversation_id) do nothing
     returning conversation_id`,
    [
      arrival.conversationId,
      arrival.workspaceId,
      arrival.departmentId,
      arrival.openedAt,
      arrival.openedEventId,
    ],
  );
  return inserted.length > 0;
}

/**
 * True when a drain has run since the arrival was inserted (it was assigned or given a
 * position): arrivals of a burst that lost the race for the lock have nothing left to do.
 */
export async function handledSinceArrival(
  tx: EntityManager,
  conversationId: string,
): Promise<boolean> {
  const rows = await queryRows(
    tx,
    `select 1 from routing.routes where conversation_id = $1 and (state = 'assigned' or position is not null)`,
    [conversationId],
  );
  return rows.length > 0;
}

/**
 * Records assignments of queued conversations and counts them on their agents, in one
 * statement. Both parts re-check their preconditions in SQL (still queued; still under the
 * agent's maximum) and the transaction fails rather than commit anything else: a bug
 * elsewhere cannot over-fill an agent or give a conversation twice.
 */
export async function recordAssignments(
  tx: EntityManager,
  plan: readonly PlannedAssignment[],
  effects: RoutingEffects,
): Promise<void> {
  if (plan.length === 0) return;
  const [done] = await queryRows<{ routes: number; agents: number }>(
    tx,
    `with planned as (
       select * from unnest($1::uuid[], $2::uuid[]) as p(conversation_id, agent_id)
     ), routed as (
       update routing.routes r
          set state = 'assigned', agent_id = p.agent_id, assigned_at = clock_timestamp(), position = null,
              answered = false, excluded_agent_id = null, apply_after = now(), apply_attempts = 0
         from planned p
        where r.conversation_id = p.conversation_id and r.state = 'queued'
        returning r.agent_id
     ), added as (
       select agent_id, count(*)::int as n from routed group by agent_id
     ), counted as (
       update routing.agent_status s
          set active_chats = s.active_chats + added.n, last_assigned_at = clock_timestamp(), updated_at = now()
         from added, routing.agents a
        where s.agent_id = added.agent_id and a.id = s.agent_id and s.active_chats + added.n <= a.max_concurrent_chats
        returning s.agent_id
     )
     select (select count(*)::int from routed) as routes, (select count(*)::int from counted) as agents`,
    [plan.map((p) => p.conversationId), plan.map((p) => p.agentId)],
  );
  if (done.routes !== plan.length) throw invariant('a planned conversation was no longer queued');
  if (done.agents !== new Set(plan.map((p) => p.agentId)).size)
    throw invariant('an agent would exceed their maximum');
  for (const { conversationId } of plan) effects.toApply.add(conversationId);
}

/**
 * Adds `delta` chats per occurrence of an agent id. Increments are refused past the agent's
 * maximum (the transaction fails); decrements below zero hit ck_agent_status_active_chats.
 */
export async function countChats(
  tx: EntityManager,
  agentIds: readonly string[],
  delta: 1 | -1,
): Promise<void> {
  if (agentIds.length === 0) return;
  const updated = await queryRows(
    tx,
    `update routing.agent_status s
        set active_chats = s.active_chats + p.n * $2::int,
            last_assigned_at = case when $2::int > 0 then clock_timestamp() else s.last_assigned_at end,
            updated_at = now()
       from (select agent_id, count(*)::int as n from unnest($1::uuid[]) as agent_id group by agent_id) p,
            routing.agents a
      where s.agent_id = p.agent_id and a.id = s.agent_id
        and ($2::int < 0 or s.active_chats + p.n <= a.max_concurrent_chats)
      returning s.agent_id`,
    [agentIds, delta],
  );
  if (delta > 0 && updated.length !== new Set(agentIds).size)
    throw invariant('an agent would exceed their maximum');
}

/** The agent's status row, created (offline, no chats) on first use. */
export async function ensureStatus(
  tx: EntityManager,
  workspaceId: string,
  agentId: string,
): Promise<void> {
  await tx.query(
    `insert into routing.agent_status (agent_id, workspace_id) values ($1, $2) on conflict (agent_id) do nothing`,
    [agentId, workspaceId],
  );
}

function invariant(message: string): DomainException {
  return new DomainException('ROUTING_INVARIANT', `routing refused the change: ${message}; retry`);
}
