import { Injectable } from '@nestjs/common';
import type { ConversationView, PickConversationRequest } from '@hub/contracts';
import type { RoutingEffects } from '../acd/routing-effects';
import { RoutingTransactions } from '../acd/routing-transactions';
import type { RoutingData } from '../routing-data';
import { RoutingErrors } from '../routing.errors';
import { isSupervisor, requireActor } from './acting-agent';
import { AssignmentOutcome } from './assignment-outcome';

/** An agent takes a waiting conversation by hand. */
@Injectable()
export class PickConversation {
  constructor(
    private readonly routing: RoutingTransactions,
    private readonly outcome: AssignmentOutcome,
  ) {}

  async execute(request: PickConversationRequest): Promise<ConversationView> {
    const { workspaceId, conversationId } = request;
    const { views } = await this.routing.run(workspaceId, (data, effects) =>
      pickConversation(data, request, effects),
    );
    return this.outcome.of(workspaceId, conversationId, views.get(conversationId));
  }
}

/**
 * The pick, under the workspace lock, within the same capacity rule as the ACD. Agents pick in
 * their own departments (and the workspace-wide queue); supervisors and admins anywhere.
 * Presence is not required: picking is itself a sign of being there.
 */
export async function pickConversation(
  data: RoutingData,
  { workspaceId, conversationId, actor }: PickConversationRequest,
  effects: RoutingEffects,
): Promise<void> {
  const picker = await requireActor(data, workspaceId, actor.agentId);
  const route = await data.routes.find(workspaceId, conversationId);
  if (!route) throw RoutingErrors.notRouted();
  if (route.state !== 'queued') throw RoutingErrors.notQueued();
  const outsideDepartment =
    route.departmentId !== null && !picker.departmentIds.includes(route.departmentId);
  if (outsideDepartment && !isSupervisor(picker)) throw RoutingErrors.notInDepartment();
  await data.agents.ensureStatus(workspaceId, picker.id);
  if (!(await data.agents.capacity(workspaceId, picker.id))?.free) throw RoutingErrors.noFreeSlot();
  await data.routes.recordAssignments([
    { conversationId, agentId: picker.id, departmentId: route.departmentId },
  ]);
  effects.toApply.add(conversationId);
}
