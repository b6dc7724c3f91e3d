import { Injectable } from '@nestjs/common';
import type { ConversationView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { AssignmentApplier } from './assignment-applier';
import { inWorkspaceLock, type LockedWork } from './workspace-lock';

export interface RoutingOutcome {
  /** The conversation service's view of each conversation whose route changed (when applied). */
  views: Map<string, ConversationView | undefined>;
}

/** Every routing change: a locked transaction, then its notices and applies after the commit. */
@Injectable()
export class RoutingTransactions {
  constructor(
    private readonly database: Database,
    private readonly applier: AssignmentApplier,
  ) {}

  async run(workspaceId: string, work: LockedWork): Promise<RoutingOutcome> {
    const effects = await inWorkspaceLock(this.database.dataSource, workspaceId, work);
    return { views: await this.applier.settle(effects) };
  }
}
