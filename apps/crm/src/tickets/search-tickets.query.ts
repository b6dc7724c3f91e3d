import { Injectable } from '@nestjs/common';
import type { SearchTicketsRequest, TicketPage } from '@hub/contracts';
import { Database, decodePageCursor, encodePageCursor } from '@hub/service-kit';
import { Ticket } from './ticket.entity';
import { TicketsRepository } from './tickets.repository';
import { viewOf } from './ticket-state';

const DEFAULT_LIMIT = 20;

// created_at to the microsecond, in UTC: a JS Date keeps milliseconds only, and two tickets
// created within one millisecond would be skipped.
const POSITION_SQL = `to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A workspace's tickets, newest first, filtered, one page at a time (keyset, not offset). */
@Injectable()
export class SearchTickets {
  constructor(
    private readonly database: Database,
    private readonly tickets: TicketsRepository,
  ) {}

  async execute(request: SearchTicketsRequest): Promise<TicketPage> {
    const limit = request.limit ?? DEFAULT_LIMIT;
    const query = this.database.dataSource.manager
      .createQueryBuilder(Ticket, 't')
      .addSelect(POSITION_SQL, 'at')
      .where('t.workspace_id = :workspaceId', { workspaceId: request.workspaceId })
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(limit + 1);
    if (request.statuses?.length) query.andWhere('t.status IN (:...statuses)', request);
    if (request.priorities?.length) query.andWhere('t.priority IN (:...priorities)', request);
    if (request.assigneeId) query.andWhere('t.assignee_id = :assigneeId', request);
    if (request.departmentId) query.andWhere('t.department_id = :departmentId', request);
    if (request.customerId) query.andWhere('t.customer_id = :customerId', request);
    if (request.tag) query.andWhere(':tag = ANY(t.tags)', request);
    if (request.ids) query.andWhere('t.id = ANY(:ids::uuid[])', request);
    if (request.categoryId) {
      // A top category finds the tickets of its children too.
      query.andWhere(
        `(t.category_id = :categoryId OR t.category_id IN
          (SELECT c.id FROM crm.ticket_categories c WHERE c.parent_id = :categoryId))`,
        request,
      );
    }
    if (request.conversationId) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM crm.ticket_conversations l
                  WHERE l.ticket_id = t.id AND l.conversation_id = :conversationId)`,
        request,
      );
    }
    if (request.cursor) {
      const after = decodePageCursor(request.cursor);
      query.andWhere('(t.created_at, t.id) < (:at::timestamptz, :id::uuid)', after);
    }
    const { entities, raw } = await query.getRawAndEntities<{ at: string }>();
    const page = entities.slice(0, limit);
    const states = await this.tickets.statesOf(this.database.dataSource.manager, page);
    const last = page.at(-1);
    return {
      items: states.map(viewOf),
      nextCursor:
        entities.length > limit && last
          ? encodePageCursor({ at: raw[page.length - 1].at, id: last.id })
          : null,
    };
  }
}
