import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '@hub/auth';
import type { AgentView, AuthenticateAgentRequest } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { queryRows } from '../acd/sql';
import { RoutingErrors } from '../routing.errors';
import { AgentsService } from './agents.service';

/**
 * Checks an agent's email and password. An unknown email costs the same scrypt work as a
 * wrong password (checked against a throwaway hash) and fails with the same error, so neither
 * the answer nor its timing tells which emails exist.
 */
@Injectable()
export class AuthenticateAgent {
  private decoy?: Promise<string>;

  constructor(
    private readonly database: Database,
    private readonly agents: AgentsService,
  ) {}

  async execute({ workspaceId, email, password }: AuthenticateAgentRequest): Promise<AgentView> {
    const [agent] = await queryRows<{ id: string; passwordHash: string }>(
      this.database.dataSource.manager,
      `select id, password_hash as "passwordHash" from routing.agents where workspace_id = $1 and email = $2`,
      [workspaceId, email.toLowerCase()],
    );
    this.decoy ??= hashPassword(randomBytes(16).toString('hex'));
    const matches = await verifyPassword(password, agent?.passwordHash ?? (await this.decoy));
    if (!agent || !matches) throw RoutingErrors.invalidCredentials();
    return this.agents.get(workspaceId, agent.id);
  }
}
