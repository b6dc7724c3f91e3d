import { Injectable } from '@nestjs/common';
import type { VisitorSummariesRequest, VisitorSummary } from '@hub/contracts';
import { ACTIVE_CONVERSATION_STATUSES, Channel } from '@hub/domain';
import { Database } from '@hub/service-kit';

interface SummaryRow {
  visitor_id: string;
  customer_id: string | null;
  conversation_count: string;
  active_conversation_id: string | null;
}

/**
 * Per web visitor: their conversations in the workspace's web inboxes, and the active one.
 * One query for a whole page of online visitors.
 */
@Injectable()
export class VisitorSummaries {
  constructor(private readonly database: Database) {}

  async execute({ workspaceId, visitorIds }: VisitorSummariesRequest): Promise<VisitorSummary[]> {
    if (visitorIds.length === 0) return [];
    const rows: SummaryRow[] = await this.database.dataSource.query(
      `select c.customer_external_id as visitor_id,
              (array_agg(c.customer_id order by c.created_at desc))[1] as customer_id,
              count(*) as conversation_count,
              (array_agg(c.id) filter (where c.status = any($3)))[1] as active_conversation_id
         from conversation.conversations c
         join conversation.inboxes i on i.id = c.inbox_id and i.channel = $4
        where c.workspace_id = $1 and c.customer_external_id = any($2)
        group by c.customer_external_id`,
      [workspaceId, visitorIds, [...ACTIVE_CONVERSATION_STATUSES], Channel.Web],
    );
    const byVisitor = new Map(rows.map((row) => [row.visitor_id, row]));
    return visitorIds.map((visitorId) => {
      const row = byVisitor.get(visitorId);
      return {
        visitorId,
        customerId: row?.customer_id ?? null,
        conversationCount: Number(row?.conversation_count ?? 0),
        activeConversationId: row?.active_conversation_id ?? null,
      };
    });
  }
}
