import { Injectable, Logger } from '@nestjs/common';
import { hashPassword } from '@hub/auth';
import type { AgentView, CreateFirstAdminRequest } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { Database } from '@hub/service-kit';
import { inWorkspaceLock } from '../acd/workspace-lock';
import { RoutingErrors } from '../routing.errors';

/** The first admin of a new workspace; once it has any agent, only an admin adds more. */
@Injectable()
export class CreateFirstAdmin {
  private readonly logger = new Logger(CreateFirstAdmin.name);

  constructor(private readonly database: Database) {}

  async execute({
    workspaceId,
    email,
    name,
    password,
  }: CreateFirstAdminRequest): Promise<AgentView> {
    const passwordHash = await hashPassword(password);
    let admin!: AgentView;
    // Under the lock: two signups racing for one workspace cannot both find it empty.
    await inWorkspaceLock(this.database.dataSource, workspaceId, async (data) => {
      if ((await data.agents.list(workspaceId)).length > 0) throw RoutingErrors.adminOnly();
      const agentId = await data.agents.insert({
        workspaceId,
        email,
        name,
        role: AgentRole.Admin,
        passwordHash,
      });
      await data.agents.ensureStatus(workspaceId, agentId);
      admin = (await data.agents.view(workspaceId, agentId))!;
    });
    this.logger.log({ workspaceId, agentId: admin.id }, 'first admin of a new workspace');
    return admin;
  }
}
