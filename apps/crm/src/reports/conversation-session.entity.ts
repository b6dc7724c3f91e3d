import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// A conversation from one opening (or reopening) to the next, derived from its events by
// `deriveSessionsSql`: the unit every conversation KPI counts.
@Entity({ schema: 'reporting', name: 'conversation_sessions' })
@Index('ix_conversation_sessions_workspace', ['workspaceId', 'openedAt'])
export class ConversationSession {
  @PrimaryColumn({
    name: 'conversation_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_conversation_sessions',
  })
  conversationId!: string;

  @PrimaryColumn({
    name: 'opened_at',
    type: 'timestamptz',
    primaryKeyConstraintName: 'pk_conversation_sessions',
  })
  openedAt!: Date;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'channel', type: 'text' })
  channel!: string;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  /** Who handled it: the assignee when it was resolved, else the last one assigned. */
  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  agentId!: string | null;

  @Column({ name: 'first_assigned_at', type: 'timestamptz', nullable: true })
  firstAssignedAt!: Date | null;

  @Column({ name: 'first_reply_at', type: 'timestamptz', nullable: true })
  firstReplyAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'rating', type: 'smallint', nullable: true })
  rating!: number | null;
}
