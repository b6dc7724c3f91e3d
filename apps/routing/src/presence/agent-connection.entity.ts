import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Agent } from '../agents/agent.entity';

// One agent socket held by one gateway replica; the heartbeat refreshes `seen_at` and rows
// left unrefreshed (the gateway died) are swept.
@Entity({ schema: 'routing', name: 'agent_connections' })
@Index('ix_agent_connections_agent', ['agentId'])
@Index('ix_agent_connections_seen', ['seenAt'])
export class AgentConnection {
  @PrimaryColumn({
    name: 'gateway_id',
    type: 'text',
    primaryKeyConstraintName: 'pk_agent_connections',
  })
  gatewayId!: string;

  @PrimaryColumn({
    name: 'connection_id',
    type: 'text',
    primaryKeyConstraintName: 'pk_agent_connections',
  })
  connectionId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_agent_connections_agent', onDelete: 'CASCADE' })
  agentId!: string;

  @Column({ name: 'connected_at', type: 'timestamptz', default: () => 'now()' })
  connectedAt!: Date;

  @Column({ name: 'seen_at', type: 'timestamptz', default: () => 'now()' })
  seenAt!: Date;
}
