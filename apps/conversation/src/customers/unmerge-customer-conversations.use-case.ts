import { Injectable, Logger } from '@nestjs/common';
import type {
  CustomerConversationsMoved,
  UnmergeCustomerConversationsRequest,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { CustomerMove } from './customer-move.entity';
import { CustomerMoves } from './customer-moves';

/**
 * crm undid a merge: the conversations it moved go back to the restored customer, and so do
 * those the surviving customer got since the merge from one of the restored customer's
 * identities (a message on the merged customer's visitor id or email address while merged).
 * The surviving customer keeps its own, older ones and those of its own identities.
 */
@Injectable()
export class UnmergeCustomerConversations {
  private readonly logger = new Logger(UnmergeCustomerConversations.name);

  constructor(
    private readonly database: Database,
    private readonly moves: CustomerMoves,
  ) {}

  execute(request: UnmergeCustomerConversationsRequest): Promise<CustomerConversationsMoved> {
    return this.database.dataSource.transaction(async (tx) => {
      await this.moves.lockForMove(tx, request.workspaceId);
      const move = await tx.findOneBy(CustomerMove, { id: request.mergeId });
      if (move?.returnedAt) return { conversationIds: move.returnedConversationIds };
      const conversationIds = move?.movedAt ? await this.giveBack(tx, move, request) : [];
      await tx.upsert(
        CustomerMove,
        {
          id: request.mergeId,
          workspaceId: request.workspaceId,
          fromCustomerId: request.toCustomerId,
          toCustomerId: request.fromCustomerId,
          returnedConversationIds: conversationIds,
          returnedIdentities: request.identities.map(({ channel, externalId }) => ({
            channel,
            externalId,
          })),
          returnedSeq: () => "nextval('conversation.customer_move_returns')",
          returnedAt: new Date(),
        },
        ['id'],
      );
      this.logger.log(
        { mergeId: request.mergeId, conversations: conversationIds.length },
        'customer conversations given back',
      );
      return { conversationIds };
    });
  }

  private async giveBack(
    tx: EntityManager,
    move: CustomerMove,
    request: UnmergeCustomerConversationsRequest,
  ): Promise<string[]> {
    const [rows] = await tx.query<[{ id: string }[], number]>(
      `update conversation.conversations c set customer_id = $1
        where c.workspace_id = $2 and c.customer_id = $3
          and (c.id = any($4::uuid[])
            or (c.created_at >= $5 and exists (
              select 1 from conversation.inboxes i
               cross join unnest($6::text[], $7::text[]) as identity(channel, external_id)
               where i.id = c.inbox_id and i.channel = identity.channel
                 and c.customer_external_id = identity.external_id)))
        returning c.id`,
      [
        move.fromCustomerId,
        move.workspaceId,
        move.toCustomerId,
        move.conversationIds,
        move.movedAt,
        request.identities.map((identity) => identity.channel),
        request.identities.map((identity) => identity.externalId),
      ],
    );
    return rows.map((row) => row.id);
  }
}
