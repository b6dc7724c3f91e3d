import { Injectable } from '@nestjs/common';
import type { ConversationView, TransferConversationRequest } from '@hub/contracts';
import { AgentPresence } from '@hub/domain';
import type { EntityManager } from 'typeorm';
import { countChats, findRoute, type RouteRow } from '../acd/route-store';
import { QueueRank } from '../acd/route.entity';
import type { RoutingEffects } from '../acd/routing-effects';
import { RoutingTransactions } from '../acd/routing-transactions';
import { queryRows } from '../acd/sql';
import { RoutingErrors } from '../routing.errors';
import { isSupervisor, loadActor, loadCapacity } from './actor';
import { QueueService } from './queue.service';

/**
 * Hands a conversation to another agent (who must be online with a free slot) or to a
 * department's queue, where it goes to the front and is drained at once, though never
 * straight back to the agent who transferred it away. Only its assignee, a supervisor or an
 * admin may transfer; supervisors and admins may also direct a waiting conversation.
 */
@Injectable()
export class TransferConversation {
  constructor(
    private readonly routing: RoutingTransactions,
    private readonly queue: QueueService,
  ) {}

  async execute(request: TransferConversationRequest): Promise<ConversationView> {
    const { workspaceId, conversationId, actor, toAgentId, toDepartmentId } = request;
    if ((toAgentId === undefined) === (toDepartmentId === undefined))
      throw RoutingErrors.transferTarget();
    const { views } = await this.routing.run(workspaceId, async (tx, effects) => {
      const mover = await loadActor(tx, workspaceId, actor.agentId);
      const route = await findRoute(tx, workspaceId, conversationId);
      if (!route) throw RoutingErrors.notRouted();
      const isAssignee = route.state === 'assigned' && route.agentId === mover.id;
      if (!isAssignee && !isSupervisor(mover)) throw RoutingErrors.transferForbidden();
      if (toAgentId) await this.toAgent(tx, route, toAgentId, effects);
      else await this.toDepartment(tx, route, toDepartmentId!, effects);
    });
    return this.queue.outcome(workspaceId, conversationId, views.get(conversationId));
  }

  private async toAgent(
    tx: EntityManager,
    route: RouteRow,
    agentId: string,
    effects: RoutingEffects,
  ): Promise<void> {
    if (route.agentId === agentId) throw RoutingErrors.alreadyAssignee();
    const target = await loadCapacity(tx, route.workspaceId, agentId);
    if (!target) throw RoutingErrors.agentNotFound();
    if (target.presence !== AgentPresence.Online) throw RoutingErrors.agentUnavailable();
    if (!target.free) throw RoutingErrors.noFreeSlot();
    await this.leave(tx, route, effects);
    await tx.query(
      `update routing.routes
          set state = 'assigned', agent_id = $2, assigned_at = clock_timestamp(), answered = false, position = null,
              excluded_agent_id = null, apply_after = now(), apply_attempts = 0
        where conversation_id = $1`,
      [route.conversationId, agentId],
    );
    await countChats(tx, [agentId], +1);
  }

  private async toDepartment(
    tx: EntityManager,
    route: RouteRow,
    departmentId: string,
    effects: RoutingEffects,
  ): Promise<void> {
    const found = await queryRows(
      tx,
      `select 1 from routing.departments where id = $1 and workspace_id = $2`,
      [departmentId, route.workspaceId],
    );
    if (found.length === 0) throw RoutingErrors.departmentNotFound();
    await this.leave(tx, route, effects);
    await tx.query(
      `update routing.routes
          set state = 'queued', agent_id = null, department_id = $2, queue_rank = ${QueueRank.Returned}, position = null,
              assigned_at = null, answered = false, excluded_agent_id = $3, apply_after = now(), apply_attempts = 0
        where conversation_id = $1`,
      [route.conversationId, departmentId, route.agentId],
    );
    effects.drain = true;
  }

  // The conversation leaves its agent (whose slot frees) or its queue.
  private async leave(tx: EntityManager, route: RouteRow, effects: RoutingEffects): Promise<void> {
    if (route.state === 'assigned' && route.agentId) {
      await countChats(tx, [route.agentId], -1);
      effects.drain = true;
    }
    effects.queueTouched = true;
    effects.toApply.add(route.conversationId);
  }
}
