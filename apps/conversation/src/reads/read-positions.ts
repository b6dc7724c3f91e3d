import { Injectable } from '@nestjs/common';
import {
  realtimeSubjects,
  type ConversationReadView,
  type MarkConversationReadRequest,
} from '@hub/contracts';
import { SenderType } from '@hub/domain';
import { Database, Realtime } from '@hub/service-kit';
import { ConversationError } from '../conversations/conversation.exception';
import { ConversationRepository } from '../conversations/conversation.repository';

/** Counted up to here: a badge shows "99+" long before, and a count stays one index probe. */
export const UNREAD_COUNT_CAP = 100;

/**
 * The customer's messages after `reads.last_read_seq` (0 when the agent never opened it), for
 * a conversation aliased `c` and an agent's reads joined as `r`; capped at UNREAD_COUNT_CAP.
 */
export const UNREAD_COUNT_SQL = `(select count(*) from (
    select 1 from conversation.messages m
     where m.conversation_id = c.id and m.seq > coalesce(r.last_read_seq, 0)
       and m.sender_type = '${SenderType.Customer}'
     limit ${UNREAD_COUNT_CAP}) u)::int`;

/**
 * Each agent's read position per conversation; it only moves forward. Every move is told to all
 * the agent's sockets (other tabs and devices, on any gateway replica) over the agent's subject.
 */
@Injectable()
export class ReadPositions {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationRepository,
    private readonly realtime: Realtime,
  ) {}

  async markRead(request: MarkConversationReadRequest): Promise<ConversationReadView> {
    const { workspaceId, conversationId, agentId } = request;
    const conversation = await this.conversations.findInWorkspace(workspaceId, conversationId);
    if (!conversation) throw ConversationError.notFound(conversationId);
    const seq = Math.min(request.seq ?? conversation.lastSeq, conversation.lastSeq);
    const [row] = await this.database.dataSource.query<{ unread: number; last_read_seq: string }[]>(
      `with r as (
         insert into conversation.agent_reads as a
                (agent_id, conversation_id, workspace_id, last_read_seq)
         values ($1, $2, $3, $4)
         on conflict (agent_id, conversation_id) do update
            set last_read_seq = greatest(a.last_read_seq, excluded.last_read_seq),
                updated_at = now()
         returning last_read_seq)
       select r.last_read_seq, ${UNREAD_COUNT_SQL} as unread
         from r, conversation.conversations c where c.id = $2`,
      [agentId, conversationId, workspaceId, seq],
    );
    const read = {
      conversationId,
      lastReadSeq: Number(row.last_read_seq),
      unreadCount: row.unread,
    };
    await this.realtime.publish(realtimeSubjects.agent(agentId), {
      type: 'conversation.read',
      ...read,
    });
    return read;
  }
}
