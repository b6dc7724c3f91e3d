import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Workspace } from '../workspaces/workspace.entity';

export const SESSION_END_REASONS = ['logout', 'reuse', 'agent_changed'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

// One login: the family of every refresh token rotated from it. Access tokens carry its id.
@Entity({ schema: 'gateway', name: 'agent_sessions' })
@Index('ix_agent_sessions_live_agent', ['agentId'], { where: 'revoked_at is null' })
@Index('ix_agent_sessions_revoked_at', ['revokedAt'], { where: 'revoked_at is not null' })
@Check(
  'ck_agent_sessions_revoked',
  `(revoked_at is null and revoked_reason is null) or (revoked_at is not null and revoked_reason in ('logout', 'reuse', 'agent_changed'))`,
)
export class AgentSession {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_agent_sessions' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => Workspace, { name: 'fk_agent_sessions_workspace', onDelete: 'CASCADE' })
  workspaceId!: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason!: SessionEndReason | null;
}
