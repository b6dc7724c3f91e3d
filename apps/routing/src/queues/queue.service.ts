import { Injectable } from '@nestjs/common';
import type { QueueEntryView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { QueueRepository } from './queue.repository';

/** Answers `routing.queue.get`: the waiting lines as they stand. */
@Injectable()
export class QueueService {
  private readonly queue: QueueRepository;

  constructor(database: Database) {
    this.queue = new QueueRepository(database.dataSource.manager);
  }

  /** The workspace's waiting conversations in routing order, each with its position in its queue. */
  get(workspaceId: string, departmentId?: string): Promise<QueueEntryView[]> {
    return this.queue.waiting(workspaceId, departmentId);
  }
}
