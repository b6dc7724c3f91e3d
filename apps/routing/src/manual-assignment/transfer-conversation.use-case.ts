import { Injectable } from '@nestjs/common';
import type { ConversationView, TransferConversationRequest } from '@hub/contracts';
import { AgentPresence } from '@hub/domain';
import type { RouteRow } from '../acd/routes.repository';
import type { RoutingEffects } from '../acd/routing-effects';
import { RoutingTransactions } from '../acd/routing-transactions';
import type { RoutingData } from '../routing-data';
import { RoutingErrors } from '../routing.errors';
import { isSupervisor, requireActor } from './acting-agent';
import { AssignmentOutcome } from './assignment-outcome';

/** Hands a conversation to another agent or to a department's queue. */
@Injectable()
export class TransferConversation {
  constructor(
    private readonly routing: RoutingTransactions,
    private readonly outcome: AssignmentOutcome,
  ) {}

  async execute(request: TransferConversationRequest): Promise<ConversationView> {
    const { workspaceId, conversationId } = request;
    const { views } = await this.routing.run(workspaceId, (data, effects) =>
      transferConversation(data, request, effects),
    );
    return this.outcome.of(workspaceId, conversationId, views.get(conversationId));
  }
}

/**
 * The transfer, under the workspace lock. To an agent: who must be online with a free slot. To
 * a department: the conversation goes to the front of its queue and is drained at once,
 * though never straight back to the agent who transferred it away, and never into a department
 * reserved for VIPs unless its customer is one. Only its assignee, a
 * supervisor or an admin may transfer; supervisors and admins may also direct a waiting
 * conversation.
 */
export async function transferConversation(
  data: RoutingData,
  request: TransferConversationRequest,
  effects: RoutingEffects,
): Promise<void> {
  const { workspaceId, conversationId, actor, toAgentId, toDepartmentId } = request;
  if ((toAgentId === undefined) === (toDepartmentId === undefined))
    throw RoutingErrors.transferTarget();
  const mover = await requireActor(data, workspaceId, actor.agentId);
  const route = await data.routes.find(workspaceId, conversationId);
  if (!route) throw RoutingErrors.notRouted();
  const isAssignee = route.state === 'assigned' && route.agentId === mover.id;
  if (!isAssignee && !isSupervisor(mover)) throw RoutingErrors.transferForbidden();
  if (toAgentId !== undefined) await toAgent(data, route, toAgentId, effects);
  else await toDepartment(data, route, toDepartmentId!, effects);
}

async function toAgent(
  data: RoutingData,
  route: RouteRow,
  agentId: string,
  effects: RoutingEffects,
): Promise<void> {
  if (route.agentId === agentId) throw RoutingErrors.alreadyAssignee();
  const target = await data.agents.capacity(route.workspaceId, agentId);
  if (!target) throw RoutingErrors.agentNotFound();
  if (target.presence !== AgentPresence.Online) throw RoutingErrors.agentUnavailable();
  if (!target.free) throw RoutingErrors.noFreeSlot();
  await leave(data, route, effects);
  await data.routes.assignTo(route.conversationId, agentId);
  await data.agents.countChats([agentId], +1);
}

async function toDepartment(
  data: RoutingData,
  route: RouteRow,
  departmentId: string,
  effects: RoutingEffects,
): Promise<void> {
  const department = await data.departments.find(route.workspaceId, departmentId);
  if (!department) throw RoutingErrors.departmentNotFound();
  if (department.vipOnly && !route.vip) throw RoutingErrors.vipOnlyDepartment();
  await leave(data, route, effects);
  await data.routes.returnToQueue({
    conversationId: route.conversationId,
    departmentId,
    excludedAgentId: route.agentId,
  });
  effects.drain = true;
}

// The conversation leaves its agent (whose slot frees) or its queue.
async function leave(data: RoutingData, route: RouteRow, effects: RoutingEffects): Promise<void> {
  if (route.state === 'assigned' && route.agentId) {
    await data.agents.countChats([route.agentId], -1);
    effects.drain = true;
  }
  effects.queueTouched = true;
  effects.toApply.add(route.conversationId);
}
