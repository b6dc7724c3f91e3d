import { Injectable, Logger } from '@nestjs/common';
import { realtimeSubjects, type AgentView, type UpdateAgentRequest } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { Database, Realtime } from '@hub/service-kit';
import { RoutingErrors } from '../routing.errors';
import { AgentsRepository } from './agents.repository';
import { AgentsService } from './agents.service';

/**
 * An admin changes an agent's role or active flag. The actor's role is read from routing's
 * own rows, never from the request: a demoted admin is refused at once.
 */
@Injectable()
export class UpdateAgent {
  private readonly logger = new Logger(UpdateAgent.name);
  private readonly store: AgentsRepository;

  constructor(
    database: Database,
    private readonly agents: AgentsService,
    private readonly realtime: Realtime,
  ) {
    this.store = new AgentsRepository(database.dataSource.manager);
  }

  async execute({
    workspaceId,
    agentId,
    actor,
    role,
    active,
  }: UpdateAgentRequest): Promise<AgentView> {
    const admin = await this.store.actor(workspaceId, actor.agentId);
    if (!admin) throw RoutingErrors.actorUnknown();
    if (admin.role !== AgentRole.Admin) throw RoutingErrors.adminOnly();
    if (!(await this.store.update({ workspaceId, agentId, role, active })))
      throw RoutingErrors.agentNotFound();
    this.logger.log({ workspaceId, agentId, by: admin.id, role, active }, 'agent changed');
    const changed = await this.agents.get(workspaceId, agentId);
    // After the (autocommitted) update: services caching the agent's role drop it at once.
    await this.realtime.publish(realtimeSubjects.agentChanges(), {
      type: 'agent.changed',
      workspaceId,
      agentId,
      role: changed.role,
      active: changed.active,
    });
    return changed;
  }
}
