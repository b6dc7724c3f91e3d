import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type ConversationView } from '@hub/contracts';
import { ConversationStatus } from '@hub/domain';
import { Database, DomainException, RpcClient } from '@hub/service-kit';
import type { RoutingEffects } from './routing-effects';
import { RealtimePublisher } from './realtime-publisher';
import {
  UnappliedRoutesRepository,
  type AppliedAssignee,
  type UnappliedRoute,
} from './unapplied-routes.repository';
import { inWorkspaceLock } from './workspace-lock';

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
  private readonly unapplied: UnappliedRoutesRepository;

  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
    private readonly realtime: RealtimePublisher,
  ) {
    this.unapplied = new UnappliedRoutesRepository(database.dataSource.manager);
  }

  /** After a commit: publishes its notices and applies its decisions; the last view of each. */
  async settle(effects: RoutingEffects): Promise<Map<string, ConversationView | undefined>> {
    this.realtime.publish(effects);
    const ids = [...effects.toApply];
    const views = await Promise.all(ids.map((id) => this.applyOne(id)));
    return new Map(ids.map((id, index) => [id, views[index]]));
  }

  /** Applies what is due (failed earlier, or left by a crash); returns how many were taken. */
  async sweep(limit = 50): Promise<number> {
    const claimed = await this.unapplied.claimDue(limit);
    await Promise.all(claimed.map((row) => this.applyOne(row.conversationId, row)));
    return claimed.length;
  }

  private async applyOne(
    conversationId: string,
    leased?: UnappliedRoute,
  ): Promise<ConversationView | undefined> {
    let view: ConversationView | undefined;
    let row = leased ?? (await this.unapplied.claim(conversationId));
    for (let step = 0; row && step < MAX_STEPS; step++) {
      const outcome = await this.applyStep(row);
      view = outcome.view ?? view;
      if (!outcome.again) break;
      row = await this.unapplied.claim(conversationId);
    }
    return view;
  }

  private async applyStep(
    row: UnappliedRoute,
  ): Promise<{ view?: ConversationView; again: boolean }> {
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
  private async call(
    row: UnappliedRoute,
  ): Promise<{ view: ConversationView; applied: AppliedAssignee }> {
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
    row: UnappliedRoute,
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
    // It already has routing's choice (a conversation that opened assigned): record that.
    if (view.status !== ConversationStatus.Open && view.assigneeId === row.agentId) {
      await this.release(row, { agentId: view.assigneeId, departmentId: view.departmentId }, 0);
      return { view, again: true };
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
    row: UnappliedRoute,
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

  private async release(
    row: UnappliedRoute,
    applied: AppliedAssignee,
    attempts: number,
  ): Promise<void> {
    await this.unapplied.recordApplied(row, applied, {
      attempts,
      retryInSeconds: backoffSeconds(attempts),
    });
  }

  private async postpone(row: UnappliedRoute, error: unknown): Promise<void> {
    const attempts = row.applyAttempts + 1;
    this.logger.warn(
      { err: error, conversationId: row.conversationId, attempts },
      'assignment not applied yet; will retry',
    );
    await this.unapplied.postpone(row, { attempts, retryInSeconds: backoffSeconds(attempts) });
  }

  /** The conversation is over (or gone): forget it, free its slot, give the slot to the queue. */
  private async dropRoute(row: UnappliedRoute): Promise<void> {
    const effects = await inWorkspaceLock(
      this.database.dataSource,
      row.workspaceId,
      async (data, fx) => {
        const dropped = await data.routes.removeOver(row);
        if (dropped?.freedAgentId) await data.agents.countChats([dropped.freedAgentId], -1);
        fx.drain = dropped !== undefined;
        fx.queueTouched = dropped !== undefined;
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
