import { Injectable } from '@nestjs/common';
import type { AgentView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { RoutingErrors } from '../routing.errors';
import { AgentsRepository } from './agents.repository';

/** Agents as other services see them: never across workspaces. */
@Injectable()
export class AgentsService {
  private readonly agents: AgentsRepository;

  constructor(database: Database) {
    this.agents = new AgentsRepository(database.dataSource.manager);
  }

  async get(workspaceId: string, agentId: string): Promise<AgentView> {
    const agent = await this.agents.view(workspaceId, agentId);
    if (!agent) throw RoutingErrors.agentNotFound();
    return agent;
  }

  list(workspaceId: string): Promise<AgentView[]> {
    return this.agents.list(workspaceId);
  }
}
