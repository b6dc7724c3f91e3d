import { Injectable } from '@nestjs/common';
import type {
  ConversationCustomerDataRequest,
  ConversationCustomerExport,
  ConversationErasure,
} from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { removeTranscripts } from './remove-transcripts';

/** One customer's conversations with their messages: exported, or erased. */
@Injectable()
export class CustomerConversations {
  constructor(private readonly database: Database) {}

  async export({
    workspaceId,
    customerId,
  }: ConversationCustomerDataRequest): Promise<ConversationCustomerExport> {
    const dataSource = await this.database.connected();
    const [{ conversations }] = await dataSource.query<ConversationCustomerExport[]>(
      `select coalesce(jsonb_agg(to_jsonb(c) || jsonb_build_object('messages',
                (select coalesce(jsonb_agg(to_jsonb(m) order by m.seq), '[]')
                   from conversation.messages m where m.conversation_id = c.id))
              order by c.created_at), '[]') as conversations
         from conversation.conversations c
        where c.workspace_id = $1 and c.customer_id = $2`,
      [workspaceId, customerId],
    );
    return { conversations };
  }

  /**
   * The messages (and the records of their files) are deleted; the conversation rows stay,
   * with no text and no address of the customer, so counts and durations still add up.
   */
  async erase({
    workspaceId,
    customerId,
  }: ConversationCustomerDataRequest): Promise<ConversationErasure> {
    const dataSource = await this.database.connected();
    return dataSource.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }[]>(
        `select id from conversation.conversations where workspace_id = $1 and customer_id = $2`,
        [workspaceId, customerId],
      );
      const conversationIds = rows.map((row) => row.id);
      const erased = await removeTranscripts(tx, {
        workspaceId,
        conversations: `select unnest($2::uuid[]) as id`,
        params: [conversationIds],
      });
      return { erased, conversationIds };
    });
  }
}
