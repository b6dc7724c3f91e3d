import { Injectable, Logger } from '@nestjs/common';
import { hashPassword, verifyPassword } from '@hub/auth';
import type {
  AcceptAgentInvitationRequest,
  AgentView,
  ChangeAgentPasswordRequest,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { routingData } from '../routing-data';
import { RoutingErrors } from '../routing.errors';
import { AgentsService } from './agents.service';
import { invitationTokenHash } from './create-agent.use-case';

/** An agent's own password: set when accepting an invitation, changed knowing the current one. */
@Injectable()
export class AgentPasswords {
  private readonly logger = new Logger(AgentPasswords.name);

  constructor(
    private readonly database: Database,
    private readonly agents: AgentsService,
  ) {}

  async acceptInvitation({
    token,
    name,
    password,
  }: AcceptAgentInvitationRequest): Promise<AgentView> {
    const passwordHash = await hashPassword(password);
    const invited = await this.database.dataSource.transaction(async (tx) => {
      const data = routingData(tx);
      const invitation = await data.invitations.redeem(invitationTokenHash(token));
      if (!invitation) throw RoutingErrors.invitationInvalid();
      const { workspaceId, agentId } = invitation;
      await data.agents.setDetails({ workspaceId, agentId, name });
      await data.agents.setPasswordHash(workspaceId, agentId, passwordHash);
      return invitation;
    });
    this.logger.log(invited, 'agent invitation accepted');
    return this.agents.get(invited.workspaceId, invited.agentId);
  }

  async change(request: ChangeAgentPasswordRequest): Promise<AgentView> {
    const { workspaceId, agentId } = request;
    const data = routingData(this.database.dataSource.manager);
    const current = await data.agents.passwordHashOf(workspaceId, agentId);
    if (!current || !(await verifyPassword(request.currentPassword, current)))
      throw RoutingErrors.invalidCredentials();
    await data.agents.setPasswordHash(
      workspaceId,
      agentId,
      await hashPassword(request.newPassword),
    );
    this.logger.log({ workspaceId, agentId }, 'agent changed their password');
    return this.agents.get(workspaceId, agentId);
  }
}
