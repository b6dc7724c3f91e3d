import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Agent } from './agent.entity';

/** An invited agent's one-time token, by its SHA-256; deleted when redeemed. */
@Entity({ schema: 'routing', name: 'agent_invitations' })
@Index('ix_agent_invitations_agent', ['agentId'])
export class AgentInvitation {
  @PrimaryColumn({
    name: 'token_hash',
    type: 'text',
    primaryKeyConstraintName: 'pk_agent_invitations',
  })
  tokenHash!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_agent_invitations_agent', onDelete: 'CASCADE' })
  agentId!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
