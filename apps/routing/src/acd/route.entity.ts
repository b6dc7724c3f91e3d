import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import { QueuePriority } from './queue-priority';

export const ROUTE_STATES = ['queued', 'assigned'] as const;
export type RouteState = (typeof ROUTE_STATES)[number];

/** Queue rank: requeued and transferred conversations (0) go before new arrivals (1). */
export const QueueRank = { Returned: 0, New: 1 } as const;

/**
 * Queue order (the columns of `ix_routes_queue`): by priority (VIP customers and urgent tickets
 * first, see queue-priority.ts), then returned before new, then first come, first served.
 */
export const QUEUE_ORDER_SQL = 'priority, queue_rank, enqueued_at, conversation_id';

/**
 * Rows whose decision the conversation service has not confirmed: the assignee differs, or
 * an assigned conversation must move to another department. The partial index
 * `ix_routes_unapplied` has exactly this predicate, so keep them the same.
 */
export const NEEDS_APPLY_SQL = `(agent_id is distinct from applied_agent_id
          or (applied_agent_id is not null and department_id is not null
              and department_id is distinct from applied_department_id))`;

// One row per conversation waiting for or owned by an agent: the primary key is what makes
// "one conversation, one agent" a database fact. `agentId`/`departmentId` are routing's
// decision; `applied*` is what the conversation service confirmed.
@Entity({ schema: 'routing', name: 'routes' })
@Index(
  'ix_routes_queue',
  ['workspaceId', 'priority', 'queueRank', 'enqueuedAt', 'conversationId'],
  { where: `state = 'queued'` },
)
@Index(
  'ix_routes_department_queue',
  ['workspaceId', 'departmentId', 'priority', 'queueRank', 'enqueuedAt', 'conversationId'],
  { where: `state = 'queued'` },
)
@Index('ix_routes_unnumbered', ['workspaceId'], { where: `state = 'queued' and position is null` })
@Index('ix_routes_agent', ['agentId'], { where: `state = 'assigned'` })
@Index('ix_routes_unapplied', ['applyAfter'], { where: NEEDS_APPLY_SQL })
@Check('ck_routes_state', `state in ('queued', 'assigned')`)
@Check('ck_routes_assignee', `(state = 'assigned') = (agent_id is not null)`)
@Check('ck_routes_queue_rank', 'queue_rank in (0, 1)')
@Check('ck_routes_position', 'position is null or position > 0')
@Check('ck_routes_priority', 'priority between 0 and 3')
export class Route {
  @PrimaryColumn({ name: 'conversation_id', type: 'uuid', primaryKeyConstraintName: 'pk_routes' })
  conversationId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  /** The queue it waits in (null: the workspace-wide queue). */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ name: 'state', type: 'text' })
  state!: RouteState;

  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Agent, { name: 'fk_routes_agent' })
  agentId!: string | null;

  @Column({ name: 'queue_rank', type: 'smallint', default: QueueRank.New })
  queueRank!: number;

  @Column({ name: 'enqueued_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  enqueuedAt!: Date;

  /** The queue's first sort key: 0 (VIP customer or urgent ticket) goes first, 3 (low) last. */
  @Column({ name: 'priority', type: 'smallint', default: QueuePriority.Normal })
  priority!: number;

  /** The customer was a VIP when the conversation arrived. */
  @Column({ name: 'vip', type: 'boolean', default: false })
  vip!: boolean;

  /**
   * The id of the transaction that inserted it, outside the workspace lock (null when queued
   * under the lock): a drain gives a first position only to arrivals its snapshot saw, so an
   * arrival with a position was seen by a drain (queue.repository.ts, `arrive`).
   */
  @Column({ name: 'enqueued_xact', type: 'bigint', nullable: true })
  enqueuedXact!: string | null;

  /** The last position published to the visitor (null once assigned). */
  @Column({ name: 'position', type: 'integer', nullable: true })
  position!: number | null;

  /** The agent who transferred it to a department does not get it straight back. */
  @Column({ name: 'excluded_agent_id', type: 'uuid', nullable: true })
  excludedAgentId!: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  /** An agent message since the assignment: kept by its agent when they go offline. */
  @Column({ name: 'answered', type: 'boolean', default: false })
  answered!: boolean;

  /** `occurredAt` of the ConversationOpened that started this cycle: orders late events. */
  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  /** That event's id: a re-publication of it (even with a later `occurredAt`) changes nothing. */
  @Column({ name: 'opened_event_id', type: 'text' })
  openedEventId!: string;

  @Column({ name: 'applied_agent_id', type: 'uuid', nullable: true })
  appliedAgentId!: string | null;

  @Column({ name: 'applied_department_id', type: 'uuid', nullable: true })
  appliedDepartmentId!: string | null;

  @Column({ name: 'apply_after', type: 'timestamptz', default: () => 'now()' })
  applyAfter!: Date;

  @Column({ name: 'apply_lease_until', type: 'timestamptz', nullable: true })
  applyLeaseUntil!: Date | null;

  @Column({ name: 'apply_attempts', type: 'integer', default: 0 })
  applyAttempts!: number;
}
