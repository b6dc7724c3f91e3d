import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { SUBJECTS, type ConversationView } from '@hub/contracts';
import { Database, RpcClient } from '@hub/service-kit';
import { UnappliedRoutesRepository } from '../acd/unapplied-routes.repository';
import { RoutingErrors } from '../routing.errors';

// A decision made while another holder of the route's lease (the applier of the decision before,
// or the sweep) is calling the conversation service is applied by that holder as its next step,
// within milliseconds: wait for it, up to a bound, before answering "pending".
const PENDING_WAIT_MS = 2_000;
const PENDING_POLL_MS = 25;

/** What a manual pick or transfer answers. */
@Injectable()
export class AssignmentOutcome {
  private readonly unapplied: UnappliedRoutesRepository;

  constructor(
    database: Database,
    private readonly rpc: RpcClient,
  ) {
    this.unapplied = new UnappliedRoutesRepository(database.dataSource.manager);
  }

  /**
   * The conversation after a manual change: the conversation service's answer when it was
   * applied; its current view when there was nothing to apply; ROUTING_APPLY_PENDING when the
   * change is recorded but the conversation service could not be told yet (it will be).
   */
  async of(
    workspaceId: string,
    conversationId: string,
    applied: ConversationView | undefined,
  ): Promise<ConversationView> {
    if (applied) return applied;
    if (await this.stillPending(conversationId)) throw RoutingErrors.applyPending();
    return this.rpc.request(SUBJECTS.conversation.getConversation, {
      workspaceId,
      conversationId,
    });
  }

  private async stillPending(conversationId: string): Promise<boolean> {
    const deadline = Date.now() + PENDING_WAIT_MS;
    for (;;) {
      const state = await this.unapplied.applyState(conversationId);
      if (state === 'applied') return false;
      if (state === 'waiting' || Date.now() >= deadline) return true;
      await sleep(PENDING_POLL_MS);
    }
  }
}
