import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword } from '@hub/auth';
import type { CreateAgentReply, CreateAgentRequest } from '@hub/contracts';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '@hub/persistence';
import { Database } from '@hub/service-kit';
import { inWorkspaceLock } from '../acd/workspace-lock';
import type { RoutingData } from '../routing-data';
import { RoutingErrors } from '../routing.errors';
import { requireAdmin } from './require-admin';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * An admin adds an agent: with a password they can log in at once; without, they get a
 * one-time invitation token and, until they redeem it, a password nobody knows.
 */
@Injectable()
export class CreateAgent {
  private readonly logger = new Logger(CreateAgent.name);

  constructor(private readonly database: Database) {}

  async execute(request: CreateAgentRequest): Promise<CreateAgentReply> {
    const invitationToken = request.password ? null : randomBytes(32).toString('base64url');
    const passwordHash = await hashPassword(request.password ?? randomBytes(32).toString('hex'));
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    let reply!: CreateAgentReply;
    try {
      // Under the lock: departments change routing decisions.
      await inWorkspaceLock(this.database.dataSource, request.workspaceId, async (data) => {
        const agentId = await insertAgent(data, request, passwordHash);
        if (invitationToken) {
          await data.invitations.add({
            tokenHash: invitationTokenHash(invitationToken),
            workspaceId: request.workspaceId,
            agentId,
            expiresAt,
          });
        }
        const agent = await data.agents.view(request.workspaceId, agentId);
        reply = {
          agent: agent!,
          invitationToken,
          invitationExpiresAt: invitationToken ? expiresAt.toISOString() : null,
        };
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) throw RoutingErrors.agentEmailTaken();
      throw error;
    }
    this.logger.log(
      { workspaceId: request.workspaceId, agentId: reply.agent.id, by: request.actor.agentId },
      invitationToken ? 'agent invited' : 'agent created',
    );
    return reply;
  }
}

async function insertAgent(
  data: RoutingData,
  request: CreateAgentRequest,
  passwordHash: string,
): Promise<string> {
  const { workspaceId, departmentIds } = request;
  await requireAdmin(data, workspaceId, request.actor);
  const agentId = await data.agents.insert({ ...request, passwordHash });
  await data.agents.ensureStatus(workspaceId, agentId);
  if (departmentIds && !(await data.agents.setDepartments({ workspaceId, agentId, departmentIds })))
    throw RoutingErrors.departmentOfWorkspaceNotFound();
  return agentId;
}
