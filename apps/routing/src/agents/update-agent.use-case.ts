import { Injectable, Logger } from '@nestjs/common';
import {
  realtimeSubjects,
  type AgentView,
  type UpdateAgentReply,
  type UpdateAgentRequest,
} from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { Database, Realtime } from '@hub/service-kit';
import type { DataSource } from 'typeorm';
import { inWorkspaceLock } from '../acd/workspace-lock';
import type { RoutingData } from '../routing-data';
import { RoutingErrors } from '../routing.errors';

/** The reply, and whether the avatar changed (announced, but no session ends for it). */
type AgentChange = UpdateAgentReply & { avatarChanged: boolean };

/**
 * An admin changes an agent's role, active flag or avatar. The actor's role is read from
 * routing's own rows, never from the request: a demoted admin is refused at once.
 */
@Injectable()
export class UpdateAgent {
  private readonly logger = new Logger(UpdateAgent.name);

  constructor(
    private readonly database: Database,
    private readonly realtime: Realtime,
  ) {}

  async execute(request: UpdateAgentRequest): Promise<UpdateAgentReply> {
    const { avatarChanged, ...reply } = await changeAgent(this.database.dataSource, request);
    if (!reply.changed && !avatarChanged) return reply;
    const { workspaceId, id: agentId, role, active } = reply.agent;
    this.logger.log(
      { workspaceId, agentId, by: request.actor.agentId, role, active, avatarChanged },
      'agent changed',
    );
    // After the commit: services caching the agent (its role, its name and avatar shown to
    // visitors) drop it at once.
    await this.realtime.publish(realtimeSubjects.agentChanges(), {
      type: 'agent.changed',
      workspaceId,
      agentId,
      role,
      active,
    });
    return reply;
  }
}

/**
 * The change, committed under the workspace's routing lock. Every change of a role or an
 * active flag takes that lock, so the admins counted here cannot be demoted by another
 * request before this one commits: of two admins demoting each other, or themselves, at the
 * same time, the second finds the first's change. A row lock on the active admins would do
 * as much, but routing already orders all its writes per workspace with this lock, and an
 * admin change is rare enough to wait behind a routing decision.
 */
export async function changeAgent(
  dataSource: DataSource,
  request: UpdateAgentRequest,
): Promise<AgentChange> {
  // Assigned by the work, which has run once the lock's transaction has committed.
  let reply!: AgentChange;
  await inWorkspaceLock(dataSource, request.workspaceId, async (data) => {
    reply = await applyChange(data, request);
  });
  return reply;
}

async function applyChange(data: RoutingData, request: UpdateAgentRequest): Promise<AgentChange> {
  const { workspaceId, agentId, actor, avatarUrl } = request;
  const admin = await data.agents.actor(workspaceId, actor.agentId);
  if (!admin) throw RoutingErrors.actorUnknown();
  if (admin.role !== AgentRole.Admin) throw RoutingErrors.adminOnly();
  const current = await data.agents.view(workspaceId, agentId);
  if (!current) throw RoutingErrors.agentNotFound();
  const avatarChanged = avatarUrl !== undefined && avatarUrl !== current.avatarUrl;
  if (avatarChanged) await data.agents.setAvatar({ workspaceId, agentId, avatarUrl });
  const agent = avatarChanged ? { ...current, avatarUrl } : current;
  const { changed, agent: after } = await changeRoleOrActive(data, request, agent);
  return { agent: after, changed, avatarChanged };
}

async function changeRoleOrActive(
  data: RoutingData,
  { workspaceId, agentId, role, active }: UpdateAgentRequest,
  current: AgentView,
): Promise<UpdateAgentReply> {
  const next = { role: role ?? current.role, active: active ?? current.active };
  if (next.role === current.role && next.active === current.active)
    return { agent: current, changed: false };
  const wasActiveAdmin = current.active && current.role === AgentRole.Admin;
  const staysActiveAdmin = next.active && next.role === AgentRole.Admin;
  if (wasActiveAdmin && !staysActiveAdmin && (await data.agents.activeAdmins(workspaceId)) === 1)
    throw RoutingErrors.lastAdmin();
  await data.agents.update({ workspaceId, agentId, ...next });
  return { agent: { ...current, ...next }, changed: true };
}
