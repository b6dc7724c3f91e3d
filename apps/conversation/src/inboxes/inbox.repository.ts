import { Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';
import { Inbox } from './inbox.entity';

/** Reads of inbox rows (inboxes are created by the seed and by administration). */
@Injectable()
export class InboxRepository {
  constructor(private readonly database: Database) {}

  findById(inboxId: string): Promise<Inbox | null> {
    return this.database.dataSource.manager.findOneBy(Inbox, { id: inboxId });
  }
}
