import { Injectable } from '@nestjs/common';
import { SUBJECTS, type ConversationView } from '@hub/contracts';
import { Database, RpcClient } from '@hub/service-kit';
import { UnappliedRoutesRepository } from '../acd/unapplied-routes.repository';
import { RoutingErrors } from '../routing.errors';

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
    if (await this.unapplied.isApplyPending(conversationId)) throw RoutingErrors.applyPending();
    return this.rpc.request(SUBJECTS.conversation.getConversation, {
      workspaceId,
      conversationId,
    });
  }
}
