import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '@hub/auth';
import type { AgentView, AuthenticateAgentRequest } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { RoutingErrors } from '../routing.errors';
import { AgentsRepository } from './agents.repository';
import { AgentsService } from './agents.service';

/**
 * Checks an agent's email and password. An unknown email costs the same scrypt work as a
 * wrong password (checked against a throwaway hash) and fails with the same error, so neither
 * the answer nor its timing tells which emails exist.
 */
@Injectable()
export class AuthenticateAgent {
  private decoy?: Promise<string>;
  private readonly store: AgentsRepository;

  constructor(
    database: Database,
    private readonly agents: AgentsService,
  ) {
    this.store = new AgentsRepository(database.dataSource.manager);
  }

  async execute({ workspaceId, email, password }: AuthenticateAgentRequest): Promise<AgentView> {
    const agent = await this.store.credentials(workspaceId, email);
    this.decoy ??= hashPassword(randomBytes(16).toString('hex'));
    const matches = await verifyPassword(password, agent?.passwordHash ?? (await this.decoy));
    if (!agent || !matches) throw RoutingErrors.invalidCredentials();
    return this.agents.get(workspaceId, agent.id);
  }
}
