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
import { requireAdmin } from './require-admin';

/**
 * The reply, and whether another field changed (avatar, name, chat limit, departments,
 * locale): announced, but no session ends for it.
 */
type AgentChange = UpdateAgentReply & { detailsChanged: boolean };

/**
 * An admin changes an agent's role, active flag, avatar, name, chat limit, departments or
 * locale. The actor's role is read from
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
    const { detailsChanged, ...reply } = await changeAgent(this.database.dataSource, request);
    if (!reply.changed && !detailsChanged) return reply;
    const { workspaceId, id: agentId, role, active } = reply.agent;
    this.logger.log(
      { workspaceId, agentId, by: request.actor.agentId, role, active, detailsChanged },
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
  const { workspaceId, agentId, actor } = request;
  await requireAdmin(data, workspaceId, actor);
  const before = await data.agents.view(workspaceId, agentId);
  if (!before) throw RoutingErrors.agentNotFound();
  const detailsChanged = await changeDetails(data, request, before);
  const current = detailsChanged ? (await data.agents.view(workspaceId, agentId))! : before;
  const { changed, agent } = await changeRoleOrActive(data, request, current);
  return { agent, changed, detailsChanged };
}

/** The fields that end no session; true when one of them changed. */
async function changeDetails(
  data: RoutingData,
  request: UpdateAgentRequest,
  current: AgentView,
): Promise<boolean> {
  const { workspaceId, agentId, avatarUrl, name, maxConcurrentChats, locale, departmentIds } =
    request;
  const differs = <T>(next: T | undefined, now: T) => next !== undefined && next !== now;
  let changed = false;
  if (differs(avatarUrl, current.avatarUrl)) {
    await data.agents.setAvatar({ workspaceId, agentId, avatarUrl: avatarUrl ?? null });
    changed = true;
  }
  if (
    differs(name, current.name) ||
    differs(maxConcurrentChats, current.maxConcurrentChats) ||
    differs(locale, current.locale)
  ) {
    await data.agents.setDetails({ workspaceId, agentId, name, maxConcurrentChats, locale });
    changed = true;
  }
  if (departmentIds && !sameSet(departmentIds, current.departmentIds)) {
    if (!(await data.agents.setDepartments({ workspaceId, agentId, departmentIds })))
      throw RoutingErrors.departmentOfWorkspaceNotFound();
    changed = true;
  }
  return changed;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
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
