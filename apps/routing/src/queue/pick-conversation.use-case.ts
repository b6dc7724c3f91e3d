import { Injectable } from '@nestjs/common';
import type { ConversationView, PickConversationRequest } from '@hub/contracts';
import { ensureStatus, findRoute, recordAssignments } from '../acd/route-store';
import { RoutingTransactions } from '../acd/routing-transactions';
import { RoutingErrors } from '../routing.errors';
import { isSupervisor, loadActor, loadCapacity } from './actor';
import { QueueService } from './queue.service';

/**
 * An agent takes a waiting conversation by hand, within the same capacity rule as the ACD.
 * Agents pick in their own departments (and the workspace-wide queue); supervisors and admins
 * anywhere. Presence is not required: picking is itself a sign of being there.
 */
@Injectable()
export class PickConversation {
  constructor(
    private readonly routing: RoutingTransactions,
    private readonly queue: QueueService,
  ) {}

  async execute({
    workspaceId,
    conversationId,
    actor,
  }: PickConversationRequest): Promise<ConversationView> {
    const { views } = await this.routing.run(workspaceId, async (tx, effects) => {
      const picker = await loadActor(tx, workspaceId, actor.agentId);
      const route = await findRoute(tx, workspaceId, conversationId);
      if (!route) throw RoutingErrors.notRouted();
      if (route.state !== 'queued') throw RoutingErrors.notQueued();
      const outsideDepartment =
        route.departmentId !== null && !picker.departmentIds.includes(route.departmentId);
      if (outsideDepartment && !isSupervisor(picker)) throw RoutingErrors.notInDepartment();
      await ensureStatus(tx, workspaceId, picker.id);
      if (!(await loadCapacity(tx, workspaceId, picker.id))?.free) throw RoutingErrors.noFreeSlot();
      await recordAssignments(
        tx,
        [{ conversationId, agentId: picker.id, departmentId: route.departmentId }],
        effects,
      );
    });
    return this.queue.outcome(workspaceId, conversationId, views.get(conversationId));
  }
}
