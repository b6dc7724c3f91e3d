import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type ConversationView } from '@hub/contracts';
import { ConversationStatus } from '@hub/domain';
import { Database, DomainException, RpcClient } from '@hub/service-kit';
import { countChats } from './route-store';
import { NEEDS_APPLY_SQL } from './route.entity';
import type { RoutingEffects } from './routing-effects';
import { RealtimePublisher } from './realtime-publisher';
import { queryRows } from './sql';
import { inWorkspaceLock } from './workspace-lock';

/** A route whose decision the conversation service has not confirmed, leased to this process. */
interface Unapplied {
  conversationId: string;
  workspaceId: string;
  agentId: string | null;
  departmentId: string | null;
  appliedAgentId: string | null;
  appliedDepartmentId: string | null;
  applyAttempts: number;
  openedAt: Date;
}

interface Applied {
  agentId: string | null;
  departmentId: string | null;
}

const CLAIMED = `conversation_id as "conversationId", workspace_id as "workspaceId", agent_id as "agentId",
  department_id as "departmentId", applied_agent_id as "appliedAgentId",
  applied_department_id as "appliedDepartmentId", apply_attempts as "applyAttempts", opened_at as "openedAt"`;
// Longer than an RPC timeout: a lease outlives the call it covers, unless the process died.
const LEASE = `interval '15 seconds'`;
const DUE = `${NEEDS_APPLY_SQL} and apply_after <= now() and (apply_lease_until is null or apply_lease_until < now())`;
const MAX_STEPS = 4;

/**
 * Makes the conversation service agree with routing's decisions. The route row is the truth;
 * applying it (`conversation.conversation.assign` / `unassign` with the assignee the
 * conversation is known to have) happens after the commit and is retried until it succeeds:
 * right away by whoever decided, and by the sweep for what a failure or a crash left behind.
 * A lease on the row keeps two replicas from applying the same row at once, and the
 * optimistic `expectedAssigneeId` makes a repeated or stale call harmless.
 */
@Injectable()
export class AssignmentApplier {
  private readonly logger = new Logger(AssignmentApplier.name);

  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
    private readonly realtime: RealtimePublisher,
  ) {}

  /** After a commit: publishes its notices and applies its decisions; the last view of each. */
  async settle(effects: RoutingEffects): Promise<Map<string, ConversationView | undefined>> {
    this.realtime.publish(effects);
    const ids = [...effects.toApply];
    const views = await Promise.all(ids.map((id) => this.applyOne(id)));
    return new Map(ids.map((id, index) => [id, views[index]]));
  }

  /** Applies what is due (failed earlier, or left by a crash); returns how many were taken. */
  async sweep(limit = 50): Promise<number> {
    const claimed = await queryRows<Unapplied>(
      this.database.dataSource.manager,
      `update routing.routes set apply_lease_until = now() + ${LEASE}
        where conversation_id in (
          select conversation_id from routing.routes where ${DUE}
           order by apply_after limit $1 for update skip locked)
        returning ${CLAIMED}`,
      [limit],
    );
    await Promise.all(claimed.map((row) => this.applyOne(row.conversationId, row)));
    return claimed.length;
  }

  private async applyOne(
    conversationId: string,
    leased?: Unapplied,
  ): Promise<ConversationView | undefined> {
    let view: ConversationView | undefined;
    let row = leased ?? (await this.claim(conversationId));
    for (let step = 0; row && step < MAX_STEPS; step++) {
      const outcome = await this.applyStep(row);
      view = outcome.view ?? view;
      if (!outcome.again) break;
      row = await this.claim(conversationId);
    }
    return view;
  }

  private async claim(conversationId: string): Promise<Unapplied | undefined> {
    const rows = await queryRows<Unapplied>(
      this.database.dataSource.manager,
      `update routing.routes set apply_lease_until = now() + ${LEASE}
        where conversation_id = $1 and ${DUE}
        returning ${CLAIMED}`,
      [conversationId],
    );
    return rows[0];
  }

  private async applyStep(row: Unapplied): Promise<{ view?: ConversationView; again: boolean }> {
    try {
      const { view, applied } = await this.call(row);
      await this.release(row, applied, 0);
      return { view, again: true };
    } catch (error) {
      if (isTransient(error)) {
        await this.postpone(row, error);
        return { again: false };
      }
      return this.resync(row, error);
    }
  }

  // Unassign first when the conversation must leave its agent or change department (the
  // assign request carries no department); then assign to the chosen agent.
  private async call(row: Unapplied): Promise<{ view: ConversationView; applied: Applied }> {
    const { workspaceId, conversationId, appliedAgentId } = row;
    const moves = row.departmentId !== null && row.departmentId !== row.appliedDepartmentId;
    if (appliedAgentId !== null && (row.agentId === null || moves)) {
      const view = await this.rpc.request(SUBJECTS.conversation.unassign, {
        workspaceId,
        conversationId,
        expectedAssigneeId: appliedAgentId,
        ...(row.departmentId ? { departmentId: row.departmentId } : {}),
      });
      this.logger.log(
        { conversationId, from: appliedAgentId, departmentId: row.departmentId },
        'conversation returned to the queue',
      );
      return {
        view,
        applied: { agentId: null, departmentId: row.departmentId ?? row.appliedDepartmentId },
      };
    }
    const agentId = row.agentId!;
    const view = await this.rpc.request(SUBJECTS.conversation.assign, {
      workspaceId,
      conversationId,
      agentId,
      expectedAssigneeId: appliedAgentId,
    });
    this.logger.log(
      { conversationId, agentId, previousAgentId: appliedAgentId },
      'conversation assigned',
    );
    return { view, applied: { agentId, departmentId: row.appliedDepartmentId } };
  }

  // The conversation refused: learn what it really has, then either stop (it is over) or
  // retry from there.
  private async resync(
    row: Unapplied,
    refusal: unknown,
  ): Promise<{ view?: ConversationView; again: boolean }> {
    let view: ConversationView;
    try {
      view = await this.rpc.request(SUBJECTS.conversation.getConversation, {
        workspaceId: row.workspaceId,
        conversationId: row.conversationId,
      });
    } catch (error) {
      if (error instanceof DomainException && error.kind === 'not_found') {
        await this.dropRoute(row);
        return { again: false };
      }
      await this.postpone(row, error);
      return { again: false };
    }
    if (view.status === ConversationStatus.Resolved || view.status === ConversationStatus.Closed) {
      await this.dropRoute(row);
      return { view, again: false };
    }
    // Reopened by a customer message, it still names its former agent while it waits ('open'):
    // when routing chose that same agent, assigning them again (expected: them) makes it theirs.
    if (
      view.status === ConversationStatus.Open &&
      view.assigneeId !== null &&
      view.assigneeId === row.agentId
    ) {
      return this.reassignFormer(row, view);
    }
    this.logger.warn(
      {
        err: refusal,
        conversationId: row.conversationId,
        assigneeId: view.assigneeId,
        wanted: row.agentId,
      },
      'conversation refused the change; retrying from its current assignee',
    );
    await this.release(
      row,
      { agentId: view.assigneeId, departmentId: view.departmentId },
      row.applyAttempts + 1,
    );
    return { view, again: true };
  }

  private async reassignFormer(
    row: Unapplied,
    view: ConversationView,
  ): Promise<{ view?: ConversationView; again: boolean }> {
    try {
      const known = {
        ...row,
        appliedAgentId: view.assigneeId,
        appliedDepartmentId: view.departmentId,
      };
      const { view: assigned, applied } = await this.call(known);
      await this.release(row, applied, 0);
      return { view: assigned, again: true };
    } catch (error) {
      await this.postpone(row, error);
      return { again: false };
    }
  }

  private async release(row: Unapplied, applied: Applied, attempts: number): Promise<void> {
    await this.database.dataSource.query(
      `update routing.routes
          set applied_agent_id = $3, applied_department_id = $4, apply_lease_until = null,
              apply_attempts = $5, apply_after = now() + make_interval(secs => $6::float8)
        where conversation_id = $1 and opened_at = $2`,
      [
        row.conversationId,
        row.openedAt,
        applied.agentId,
        applied.departmentId,
        attempts,
        backoffSeconds(attempts),
      ],
    );
  }

  private async postpone(row: Unapplied, error: unknown): Promise<void> {
    const attempts = row.applyAttempts + 1;
    this.logger.warn(
      { err: error, conversationId: row.conversationId, attempts },
      'assignment not applied yet; will retry',
    );
    await this.database.dataSource.query(
      `update routing.routes
          set apply_lease_until = null, apply_attempts = $3,
              apply_after = now() + make_interval(secs => $4::float8)
        where conversation_id = $1 and opened_at = $2`,
      [row.conversationId, row.openedAt, attempts, backoffSeconds(attempts)],
    );
  }

  /** The conversation is over (or gone): forget it, free its slot, give the slot to the queue. */
  private async dropRoute(row: Unapplied): Promise<void> {
    const effects = await inWorkspaceLock(
      this.database.dataSource,
      row.workspaceId,
      async (tx, fx) => {
        const dropped = await queryRows<{ agentId: string | null; state: string }>(
          tx,
          `delete from routing.routes where conversation_id = $1 and opened_at = $2
         returning agent_id as "agentId", state`,
          [row.conversationId, row.openedAt],
        );
        const agentId = dropped[0]?.state === 'assigned' ? dropped[0].agentId : null;
        if (agentId) await countChats(tx, [agentId], -1);
        fx.drain = dropped.length > 0;
        fx.queueTouched = dropped.length > 0;
      },
    );
    this.logger.log(
      { conversationId: row.conversationId },
      'route dropped: the conversation is over',
    );
    await this.settle(effects);
  }
}

/** No answer, or the answer says "try later": retry. A refusal with a reason is not transient. */
function isTransient(error: unknown): boolean {
  return (
    !(error instanceof DomainException) || error.kind === 'unavailable' || error.kind === 'internal'
  );
}

/** 0 on success (due at once if still different); then 0.5 s, 1 s, 2 s... capped at 30 s. */
function backoffSeconds(attempts: number): number {
  return attempts === 0 ? 0 : Math.min(30, 0.25 * 2 ** attempts);
}
