import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import { Department } from './department.entity';

// The primary key serves "agents of a department"; the index serves "departments of an agent".
@Entity({ schema: 'routing', name: 'department_agents' })
@Index('ix_department_agents_agent', ['agentId'])
export class DepartmentAgent {
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({
    name: 'department_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_department_agents',
  })
  @ForeignKey(() => Department, { name: 'fk_department_agents_department', onDelete: 'CASCADE' })
  departmentId!: string;

  @PrimaryColumn({
    name: 'agent_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_department_agents',
  })
  @ForeignKey(() => Agent, { name: 'fk_department_agents_agent', onDelete: 'CASCADE' })
  agentId!: string;
}
