import { routePrioritySql } from '../acd/queue-priority';
import { queryRows, type Queryable } from '../sql';

const ROUTE_PRIORITY = routePrioritySql({
  vip: 'r.vip',
  conversationId: 'r.conversation_id',
  workspaceId: 'r.workspace_id',
});

/** A ticket as routing keeps it: its rank for its conversations, at one version. */
export interface TicketRank {
  ticketId: string;
  workspaceId: string;
  version: number;
  /** null: the ticket gives its conversations no priority (it is done). */
  priority: number | null;
  conversationIds: readonly string[];
}

/** routing.ticket_priorities and ticket_conversations, and the route priorities they feed. */
export class TicketPrioritiesRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Records the ticket unless a later version is already known; returns the conversations whose
   * priority may have changed (linked before or now), or [] when the event was stale.
   */
  async record(ticket: TicketRank): Promise<string[]> {
    const [recorded] = await queryRows<{ affected: string[] | null }>(
      this.db,
      `with upserted as (
         insert into routing.ticket_priorities (ticket_id, workspace_id, version, priority)
         values ($1, $2, $3, $4)
         on conflict (ticket_id) do update set version = excluded.version, priority = excluded.priority
          where ticket_priorities.version < excluded.version
            and ticket_priorities.workspace_id = excluded.workspace_id
         returning ticket_id
       ), unlinked as (
         delete from routing.ticket_conversations tc using upserted
          where tc.ticket_id = upserted.ticket_id and tc.conversation_id <> all($5::uuid[])
          returning tc.conversation_id
       ), linked as (
         insert into routing.ticket_conversations (ticket_id, conversation_id, workspace_id)
         select upserted.ticket_id, c.id, $2 from upserted, unnest($5::uuid[]) as c(id)
         on conflict do nothing
       )
       select array(select conversation_id from unlinked
                    union select c.id from upserted, unnest($5::uuid[]) as c(id)) as affected`,
      [
        ticket.ticketId,
        ticket.workspaceId,
        ticket.version,
        ticket.priority,
        ticket.conversationIds,
      ],
    );
    return recorded.affected ?? [];
  }

  /** True when routing holds any of the conversations (waiting or assigned). */
  async anyRouted(workspaceId: string, conversationIds: readonly string[]): Promise<boolean> {
    const rows = await queryRows(
      this.db,
      `select 1 from routing.routes where workspace_id = $1 and conversation_id = any($2::uuid[]) limit 1`,
      [workspaceId, conversationIds],
    );
    return rows.length > 0;
  }

  /**
   * Recomputes the priority of the conversations' routes (under the workspace lock); true when
   * a waiting one moved in its queue.
   */
  async reprioritize(workspaceId: string, conversationIds: readonly string[]): Promise<boolean> {
    const changed = await queryRows<{ state: string }>(
      this.db,
      `update routing.routes r set priority = ${ROUTE_PRIORITY}
        where r.workspace_id = $1 and r.conversation_id = any($2::uuid[])
          and r.priority is distinct from ${ROUTE_PRIORITY}
        returning r.state`,
      [workspaceId, conversationIds],
    );
    return changed.some((route) => route.state === 'queued');
  }
}
