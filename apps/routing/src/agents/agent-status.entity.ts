import { AGENT_PRESENCES, type AgentPresence } from '@hub/domain';
import { SETTABLE_PRESENCES } from '@hub/contracts';
import { sqlIn } from '@hub/persistence';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Agent } from './agent.entity';

export type ChosenPresence = (typeof SETTABLE_PRESENCES)[number];

/**
 * What an assignment stores in last_assigned_at: the clock at the plan's precision
 * (milliseconds), so ix_agent_status_free's order by the column is the plan's order.
 */
export const LAST_ASSIGNED_NOW_SQL = `date_trunc('milliseconds', clock_timestamp())`;

// `presence` is effective (offline with no live connection, else the agent's choice);
// `active_chats` changes only under the workspace routing lock, with the routes it counts.
@Entity({ schema: 'routing', name: 'agent_status' })
@Index('ix_agent_status_workspace_presence', ['workspaceId', 'presence'])
// Free agents in the plan's order (drain-snapshot.query.ts); last_assigned_at nulls first.
@Index('ix_agent_status_free', ['workspaceId', 'activeChats', 'lastAssignedAt', 'agentId'], {
  where: `presence = 'online'`,
})
@Index('ix_agent_status_offline_pending', ['offlineSince'], {
  where: `presence = 'offline' and not offline_handled`,
})
@Check('ck_agent_status_chosen_presence', sqlIn('chosen_presence', SETTABLE_PRESENCES))
@Check('ck_agent_status_presence', sqlIn('presence', AGENT_PRESENCES))
@Check('ck_agent_status_active_chats', 'active_chats >= 0')
export class AgentStatus {
  @PrimaryColumn({ name: 'agent_id', type: 'uuid', primaryKeyConstraintName: 'pk_agent_status' })
  @ForeignKey(() => Agent, { name: 'fk_agent_status_agent', onDelete: 'CASCADE' })
  agentId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'chosen_presence', type: 'text', default: 'online' })
  chosenPresence!: ChosenPresence;

  @Column({ name: 'presence', type: 'text', default: 'offline' })
  presence!: AgentPresence;

  @Column({ name: 'active_chats', type: 'integer', default: 0 })
  activeChats!: number;

  @Column({ name: 'last_assigned_at', type: 'timestamptz', nullable: true })
  lastAssignedAt!: Date | null;

  @Column({ name: 'offline_since', type: 'timestamptz', nullable: true })
  offlineSince!: Date | null;

  /** False from going offline until the grace sweep has requeued the unanswered chats. */
  @Column({ name: 'offline_handled', type: 'boolean', default: true })
  offlineHandled!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
