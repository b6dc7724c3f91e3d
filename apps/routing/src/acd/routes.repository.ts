import { RoutingErrors } from '../routing.errors';
import { queryRows, type Queryable } from '../sql';
import type { PlannedAssignment } from './plan-assignments';
import { routePrioritySql } from './queue-priority';
import { QueueRank, type RouteState } from './route.entity';
import { LAST_ASSIGNED_NOW_SQL } from '../agents/agent-status.entity';

// The only SQL that changes routing's decisions in routing.routes; queue positions are in
// queues/queue.repository.ts, the apply lease in unapplied-routes.repository.ts. Changes of
// state and load run under the workspace lock (see workspace-lock.ts), so what they read is
// stable until commit; `enqueue` and `markAnswered` need no lock.

export interface RouteRow {
  conversationId: string;
  workspaceId: string;
  departmentId: string | null;
  state: RouteState;
  agentId: string | null;
  openedAt: Date;
  /** The customer was a VIP when the conversation arrived. */
  vip: boolean;
}

export interface Arrival {
  conversationId: string;
  workspaceId: string;
  departmentId: string | null;
  /** The ConversationOpened event's `occurredAt` and id: they identify this cycle. */
  openedAt: string;
  openedEventId: string;
  /** The customer is a VIP: ranks first, and may wait in a department reserved for VIPs. */
  vip: boolean;
}

/** A deleted route; `freedAgentId` is the agent whose slot it held (null when it was queued). */
export interface RemovedRoute {
  freedAgentId: string | null;
}

/** A resolved conversation's deleted route, with what its handling time is measured from. */
export interface ResolvedRoute extends RemovedRoute {
  departmentId: string | null;
  /** When its (last) agent got it; null when it was resolved from the queue. */
  assignedAt: Date | null;
}

const ROUTE_COLUMNS = `conversation_id as "conversationId", workspace_id as "workspaceId",
  department_id as "departmentId", state, agent_id as "agentId", opened_at as "openedAt", vip`;
const REMOVED = `case when state = 'assigned' then agent_id end as "freedAgentId"`;
// The queue a conversation opened in `department` waits in (SQL expressions): a department
// reserved for VIPs takes no one else, who wait in the workspace-wide queue instead.
const queueDepartmentSql = (route: { vip: string; department: string; workspaceId: string }) =>
  `case when ${route.vip} or not exists (
          select 1 from routing.departments d
           where d.id = ${route.department} and d.workspace_id = ${route.workspaceId} and d.vip_only)
        then ${route.department} end`;
// Where an arrival waits, and with what priority (SQL expressions of its columns or parameters).
const arrivalQueueSql = (route: {
  vip: string;
  department: string;
  conversationId: string;
  workspaceId: string;
}) => ({ department: queueDepartmentSql(route), priority: routePrioritySql(route) });
// An arrival's ($1 conversation, $2 workspace, $3 department, $6 vip).
const ARRIVAL = arrivalQueueSql({
  vip: '$6::boolean',
  department: '$3::uuid',
  conversationId: '$1::uuid',
  workspaceId: '$2::uuid',
});
// A batch of arrivals' (columns of `a`, unnested).
const BATCH = arrivalQueueSql({
  vip: 'a.vip',
  department: 'a.department_id',
  conversationId: 'a.conversation_id',
  workspaceId: 'a.workspace_id',
});
// A restarted cycle's ($1 conversation, $2 department, $5 vip; the row's own workspace).
const RESTART = arrivalQueueSql({
  vip: '$5::boolean',
  department: '$2::uuid',
  conversationId: '$1::uuid',
  workspaceId: 'routes.workspace_id',
});
// The id of the transaction queueing a row outside the lock: see Route.enqueuedXact. Rows
// queued under the lock keep null, since the drain of that same transaction sees them.
const CURRENT_XACT = 'pg_current_xact_id()::text::bigint';

// An arrival as $1 conversation, $2 workspace, $3 department, $4 opened at, $5 event id, $6 vip.
const arrivalParams = (arrival: Arrival) => [
  arrival.conversationId,
  arrival.workspaceId,
  arrival.departmentId,
  arrival.openedAt,
  arrival.openedEventId,
  arrival.vip,
];

/** Routes: one row per conversation waiting for or owned by an agent. */
export class RoutesRepository {
  constructor(private readonly db: Queryable) {}

  async find(workspaceId: string, conversationId: string): Promise<RouteRow | undefined> {
    const [route] = await queryRows<RouteRow>(
      this.db,
      `select ${ROUTE_COLUMNS} from routing.routes where workspace_id = $1 and conversation_id = $2`,
      [workspaceId, conversationId],
    );
    return route;
  }

  /**
   * Puts a newly opened conversation at the back of its queue, among those of its priority,
   * outside the lock (a queued row changes no load); false when routing already has it. For a
   * reopened conversation, whose previous cycle routing may still hold; new ones are queued by
   * their drain (`enqueueAll`).
   */
  async enqueue(arrival: Arrival): Promise<boolean> {
    const inserted = await queryRows(
      this.db,
      `insert into routing.routes
         (conversation_id, workspace_id, department_id, state, opened_at, opened_event_id, applied_department_id,
          vip, priority, enqueued_xact)
       values ($1, $2, ${ARRIVAL.department}, 'queued', $4, $5, $3, $6, ${ARRIVAL.priority}, ${CURRENT_XACT})
       on conflict (conversation_id) do nothing
       returning conversation_id`,
      arrivalParams(arrival),
    );
    return inserted.length > 0;
  }

  /**
   * Queues a drain's arrivals in its own locked transaction (shared-drains.ts), in the order
   * given, in one statement; those routing already has are left as they are. Queued under the
   * lock, their `enqueued_xact` stays null: the drain of this transaction sees them.
   */
  async enqueueAll(arrivals: readonly Arrival[]): Promise<void> {
    await queryRows(
      this.db,
      `insert into routing.routes
         (conversation_id, workspace_id, department_id, state, opened_at, opened_event_id, applied_department_id,
          vip, priority)
       select a.conversation_id, a.workspace_id, ${BATCH.department}, 'queued', a.opened_at, a.opened_event_id,
              a.department_id, a.vip, ${BATCH.priority}
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::text[], $6::boolean[])
              with ordinality as a(conversation_id, workspace_id, department_id, opened_at, opened_event_id, vip, n)
        -- enqueued_at is clock_timestamp() of each row: the batch keeps its order in the queue
        order by a.n
       on conflict (conversation_id) do nothing`,
      [
        arrivals.map((arrival) => arrival.conversationId),
        arrivals.map((arrival) => arrival.workspaceId),
        arrivals.map((arrival) => arrival.departmentId),
        arrivals.map((arrival) => arrival.openedAt),
        arrivals.map((arrival) => arrival.openedEventId),
        arrivals.map((arrival) => arrival.vip),
      ],
    );
  }

  /**
   * Records a conversation that opened already assigned to `agentId` (an accepted invitation):
   * theirs, answered (the invitation was their first word), not yet confirmed with the
   * conversation service, so the applier checks it is still theirs and not over. False when
   * routing already has it; the caller counts the chat only when true.
   */
  async recordOpenedAssigned(arrival: Arrival & { agentId: string }): Promise<boolean> {
    const inserted = await queryRows(
      this.db,
      `insert into routing.routes
         (conversation_id, workspace_id, department_id, state, agent_id, assigned_at, answered,
          opened_at, opened_event_id, applied_department_id, vip, priority)
       values ($1, $2, $3, 'assigned', $7, clock_timestamp(), true, $4, $5, $3, $6, ${ARRIVAL.priority})
       on conflict (conversation_id) do nothing
       returning conversation_id`,
      [...arrivalParams(arrival), arrival.agentId],
    );
    return inserted.length > 0;
  }

  /**
   * Records assignments of queued conversations and counts them on their agents, in one
   * statement (the assignment path's one write). Both parts re-check their preconditions in
   * SQL (still queued; still under the agent's maximum) and the transaction fails rather than
   * commit anything else: a bug elsewhere cannot over-fill an agent or give a conversation twice.
   */
  async recordAssignments(plan: readonly PlannedAssignment[]): Promise<void> {
    if (plan.length === 0) return;
    const [done] = await queryRows<{ routes: number; agents: number }>(
      this.db,
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
            set active_chats = s.active_chats + added.n, last_assigned_at = ${LAST_ASSIGNED_NOW_SQL}, updated_at = now()
           from added, routing.agents a
          where s.agent_id = added.agent_id and a.id = s.agent_id and s.active_chats + added.n <= a.max_concurrent_chats
          returning s.agent_id
       )
       select (select count(*)::int from routed) as routes, (select count(*)::int from counted) as agents`,
      [plan.map((p) => p.conversationId), plan.map((p) => p.agentId)],
    );
    if (done.routes !== plan.length)
      throw RoutingErrors.invariant('a planned conversation was no longer queued');
    if (done.agents !== new Set(plan.map((p) => p.agentId)).size)
      throw RoutingErrors.invariant('an agent would exceed their maximum');
  }

  /** Gives the conversation to `agentId` directly (a transfer); the caller counts the chat. */
  async assignTo(conversationId: string, agentId: string): Promise<void> {
    await this.db.query(
      `update routing.routes
          set state = 'assigned', agent_id = $2, assigned_at = clock_timestamp(), answered = false, position = null,
              excluded_agent_id = null, apply_after = now(), apply_attempts = 0
        where conversation_id = $1`,
      [conversationId, agentId],
    );
  }

  /** Puts the conversation at the front of a department's queue, out of reach of `excludedAgentId`. */
  async returnToQueue(move: {
    conversationId: string;
    departmentId: string;
    excludedAgentId: string | null;
  }): Promise<void> {
    await this.db.query(
      `update routing.routes
          set state = 'queued', agent_id = null, department_id = $2, queue_rank = ${QueueRank.Returned}, position = null,
              assigned_at = null, answered = false, excluded_agent_id = $3, apply_after = now(), apply_attempts = 0
        where conversation_id = $1`,
      [move.conversationId, move.departmentId, move.excludedAgentId],
    );
  }

  /**
   * Puts the agent's unanswered conversations at the FRONT of their queues (rank 0, in their
   * original order); returns their ids. The caller uncounts them.
   */
  async requeueUnanswered(agentId: string): Promise<string[]> {
    const requeued = await queryRows<{ conversationId: string }>(
      this.db,
      `update routing.routes
          set state = 'queued', agent_id = null, queue_rank = ${QueueRank.Returned}, position = null,
              assigned_at = null, excluded_agent_id = null, apply_after = now(), apply_attempts = 0
        where agent_id = $1 and state = 'assigned' and not answered
        returning conversation_id as "conversationId"`,
      [agentId],
    );
    return requeued.map((route) => route.conversationId);
  }

  /**
   * Restarts the route as a new cycle (queued at the back, nothing applied) when it belongs to
   * an earlier one; returns the agent whose slot it held, or undefined when nothing changed.
   */
  async restartCycle(cycle: Omit<Arrival, 'workspaceId'>): Promise<RemovedRoute | undefined> {
    const [current] = await queryRows<RemovedRoute & { stale: boolean }>(
      this.db,
      `select ${REMOVED}, opened_at < $2 and opened_event_id <> $3 as stale
         from routing.routes where conversation_id = $1`,
      [cycle.conversationId, cycle.openedAt, cycle.openedEventId],
    );
    if (!current?.stale) return undefined;
    await this.db.query(
      `update routing.routes
          set state = 'queued', agent_id = null, department_id = ${RESTART.department},
              queue_rank = ${QueueRank.New}, enqueued_at = clock_timestamp(), enqueued_xact = null,
              vip = $5, priority = ${RESTART.priority},
              position = null, excluded_agent_id = null, assigned_at = null, answered = false,
              opened_at = $3, opened_event_id = $4,
              applied_agent_id = null, applied_department_id = $2, apply_after = now(), apply_attempts = 0,
              apply_lease_until = null
        where conversation_id = $1`,
      [cycle.conversationId, cycle.departmentId, cycle.openedAt, cycle.openedEventId, cycle.vip],
    );
    return { freedAgentId: current.freedAgentId };
  }

  /** Deletes the route of a resolved conversation, unless it belongs to a later cycle. */
  async removeResolved(resolved: {
    conversationId: string;
    workspaceId: string;
    resolvedAt: string;
  }): Promise<ResolvedRoute | undefined> {
    const [removed] = await queryRows<ResolvedRoute>(
      this.db,
      `delete from routing.routes where conversation_id = $1 and workspace_id = $2 and opened_at <= $3
       returning ${REMOVED}, department_id as "departmentId",
                 case when state = 'assigned' then assigned_at end as "assignedAt"`,
      [resolved.conversationId, resolved.workspaceId, resolved.resolvedAt],
    );
    return removed;
  }

  /** Deletes the route of a conversation that is over, if it is still the cycle `route` read. */
  async removeOver(route: {
    conversationId: string;
    openedAt: Date;
  }): Promise<RemovedRoute | undefined> {
    const [removed] = await queryRows<RemovedRoute>(
      this.db,
      `delete from routing.routes where conversation_id = $1 and opened_at = $2 returning ${REMOVED}`,
      [route.conversationId, route.openedAt],
    );
    return removed;
  }

  /** An agent's reply: the conversation stays with them if they drop offline. */
  async markAnswered(conversationId: string, agentId: string): Promise<void> {
    await this.db.query(
      `update routing.routes set answered = true
        where conversation_id = $1 and state = 'assigned' and agent_id = $2 and not answered`,
      [conversationId, agentId],
    );
  }

  async workspacesWithWaiting(limit: number): Promise<string[]> {
    const rows = await queryRows<{ workspaceId: string }>(
      this.db,
      `select distinct workspace_id as "workspaceId" from routing.routes where state = 'queued' limit $1`,
      [limit],
    );
    return rows.map((row) => row.workspaceId);
  }
}
