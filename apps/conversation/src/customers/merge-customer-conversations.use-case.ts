import { Injectable, Logger } from '@nestjs/common';
import type { CustomerConversationsMoved, MergeCustomerConversationsRequest } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { CustomerMove } from './customer-move.entity';
import { CustomerMoves } from './customer-moves';

/**
 * crm merged two customers: every conversation of the merged one now belongs to the surviving
 * one (both customers' active conversations in one inbox survive: they are different senders),
 * and messages still resolved to the merged customer follow (CustomerMoves.ownerForMessage).
 */
@Injectable()
export class MergeCustomerConversations {
  private readonly logger = new Logger(MergeCustomerConversations.name);

  constructor(
    private readonly database: Database,
    private readonly moves: CustomerMoves,
  ) {}

  execute(request: MergeCustomerConversationsRequest): Promise<CustomerConversationsMoved> {
    return this.database.dataSource.transaction(async (tx) => {
      await this.moves.lockForMove(tx, request.workspaceId);
      // A repeat (crm lost the reply), or an undo that came first: the first answer stands.
      const known = await tx.findOneBy(CustomerMove, { id: request.mergeId });
      if (known) return { conversationIds: known.conversationIds };
      const [rows] = await tx.query<[{ id: string }[], number]>(
        `update conversation.conversations set customer_id = $1
          where workspace_id = $2 and customer_id = $3 returning id`,
        [request.toCustomerId, request.workspaceId, request.fromCustomerId],
      );
      const conversationIds = rows.map((row) => row.id);
      await tx.insert(CustomerMove, {
        id: request.mergeId,
        workspaceId: request.workspaceId,
        fromCustomerId: request.fromCustomerId,
        toCustomerId: request.toCustomerId,
        conversationIds,
        movedAt: new Date(),
      });
      this.logger.log(
        { mergeId: request.mergeId, conversations: conversationIds.length },
        'customer conversations merged',
      );
      return { conversationIds };
    });
  }
}
