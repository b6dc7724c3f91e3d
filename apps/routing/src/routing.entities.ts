import { Agent } from './agents/agent.entity';
import { DepartmentAgent } from './departments/department-agent.entity';
import { Department } from './departments/department.entity';

export const routingEntities = [Agent, Department, DepartmentAgent];
