import { Injectable } from '@nestjs/common';
import type { GetQueueRequest, QueueEntryView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { WaitBasisQuery } from '../wait-estimates/wait-basis.query';
import { withEstimatedWaits } from '../wait-estimates/wait-estimates';
import { QueueRepository } from './queue.repository';

/** Answers `routing.queue.get`: the waiting lines as they stand. */
@Injectable()
export class QueueService {
  private readonly queue: QueueRepository;
  private readonly waitBasis: WaitBasisQuery;

  constructor(database: Database) {
    this.queue = new QueueRepository(database.dataSource.manager);
    this.waitBasis = new WaitBasisQuery(database.dataSource.manager);
  }

  /**
   * The workspace's waiting conversations in routing order (or the one asked for), each with
   * its position in its queue and its estimated wait.
   */
  async get({
    workspaceId,
    departmentId,
    conversationId,
  }: GetQueueRequest): Promise<QueueEntryView[]> {
    const waiting = conversationId
      ? await this.queue.entry(workspaceId, conversationId)
      : await this.queue.waiting(workspaceId, departmentId);
    return withEstimatedWaits(this.waitBasis, workspaceId, waiting);
  }
}
