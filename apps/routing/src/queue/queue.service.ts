import { Injectable } from '@nestjs/common';
import { SUBJECTS, type ConversationView, type QueueEntryView } from '@hub/contracts';
import { Database, RpcClient } from '@hub/service-kit';
import { NEEDS_APPLY_SQL } from '../acd/route.entity';
import { queryRows } from '../acd/sql';
import { RoutingErrors } from '../routing.errors';

@Injectable()
export class QueueService {
  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
  ) {}

  /** The workspace's waiting conversations in routing order, each with its position in its queue. */
  get(workspaceId: string, departmentId?: string): Promise<QueueEntryView[]> {
    return queryRows<QueueEntryView>(
      this.database.dataSource.manager,
      `select conversation_id as "conversationId", department_id as "departmentId",
              row_number() over (partition by department_id order by queue_rank, enqueued_at, conversation_id)::int as position,
              to_char(enqueued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "enqueuedAt"
         from routing.routes
        where workspace_id = $1 and state = 'queued' and ($2::uuid is null or department_id = $2::uuid)
        order by queue_rank, enqueued_at, conversation_id`,
      [workspaceId, departmentId ?? null],
    );
  }

  /**
   * The conversation after a manual change: the conversation service's answer when it was
   * applied; its current view when there was nothing to apply; ROUTING_APPLY_PENDING when the
   * change is recorded but the conversation service could not be told yet (it will be).
   */
  async outcome(
    workspaceId: string,
    conversationId: string,
    applied: ConversationView | undefined,
  ): Promise<ConversationView> {
    if (applied) return applied;
    const pending = await queryRows(
      this.database.dataSource.manager,
      `select 1 from routing.routes where conversation_id = $1 and ${NEEDS_APPLY_SQL}`,
      [conversationId],
    );
    if (pending.length > 0) throw RoutingErrors.applyPending();
    return this.rpc.request(SUBJECTS.conversation.getConversation, {
      workspaceId,
      conversationId,
    });
  }
}
