import { Injectable } from '@nestjs/common';
import type { ConversationView, CustomerConversationsRequest } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { Conversation } from '../conversations/conversation.entity';
import { toConversationView } from '../conversations/views';

/**
 * One customer's conversations, newest started first, a page after a position. Times are
 * compared to the millisecond, the precision the position travels in (ISO 8601 from a JS Date).
 */
@Injectable()
export class CustomerConversations {
  constructor(
    private readonly database: Database,
    private readonly inboxes: InboxDirectory,
  ) {}

  async page(request: CustomerConversationsRequest): Promise<ConversationView[]> {
    const query = this.database.dataSource.manager
      .createQueryBuilder(Conversation, 'c')
      .where('c.workspace_id = :workspaceId and c.customer_id = :customerId', request)
      .orderBy(`date_trunc('milliseconds', c.created_at)`, 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(request.limit);
    if (request.before) {
      query.andWhere(
        `(date_trunc('milliseconds', c.created_at), c.id) < (:at::timestamptz, :id::uuid)`,
        request.before,
      );
    }
    const rows = await query.getMany();
    return Promise.all(
      rows.map(async (row) =>
        toConversationView(row, (await this.inboxes.get(row.inboxId)).channel),
      ),
    );
  }
}
