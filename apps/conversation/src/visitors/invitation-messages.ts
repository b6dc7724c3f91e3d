import { Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';

/** The first message an accepted invitation stored: its client id names the invitation. */
@Injectable()
export class InvitationMessages {
  constructor(private readonly database: Database) {}

  clientMessageId(invitationId: string): string {
    return `invitation:${invitationId}`;
  }

  /** The conversation an earlier accept of the invitation opened (through the visitor's index). */
  async find(query: {
    inboxId: string;
    visitorId: string;
    invitationId: string;
  }): Promise<{ conversationId: string } | null> {
    const rows: { conversation_id: string }[] = await this.database.dataSource.query(
      `select m.conversation_id
         from conversation.conversations c
         join conversation.messages m on m.conversation_id = c.id
        where c.inbox_id = $1 and c.customer_external_id = $2 and m.client_message_id = $3
        limit 1`,
      [query.inboxId, query.visitorId, this.clientMessageId(query.invitationId)],
    );
    return rows[0] ? { conversationId: rows[0].conversation_id } : null;
  }
}
