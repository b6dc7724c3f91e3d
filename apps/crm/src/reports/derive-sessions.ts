import type { EntityManager } from 'typeorm';
import type { ProjectionTables } from './projection-tables';

/** Which conversations to derive: some (after new facts) or a whole workspace (a rebuild). */
export type SessionScope = { conversationIds: string[] } | { workspaceId: string };

/**
 * Replaces the sessions of the conversations in `scope` with those their facts describe. A
 * session runs from one `opened` fact to the next; facts are read by time, not by arrival, so
 * the events of one conversation may come in any order (they do: one durable per event).
 */
export async function deriveSessions(
  db: EntityManager,
  tables: ProjectionTables,
  scope: SessionScope,
): Promise<void> {
  const [filter, parameter] =
    'workspaceId' in scope
      ? ['workspace_id = $1', scope.workspaceId]
      : ['conversation_id = any($1::uuid[])', scope.conversationIds];
  await db.query(`delete from ${tables.conversationSessions} where ${filter}`, [parameter]);
  await db.query(
    `insert into ${tables.conversationSessions}
       (conversation_id, opened_at, workspace_id, channel, department_id, agent_id,
        first_assigned_at, first_reply_at, resolved_at, rating)
     select o.conversation_id, o.opened_at, o.workspace_id, o.channel,
            coalesce(s.moved_to_department_id, o.department_id),
            coalesce(s.resolving_agent_id, s.last_assigned_agent_id),
            s.first_assigned_at, s.first_reply_at, s.resolved_at, s.rating
     from (
       select conversation_id, workspace_id, channel, department_id, occurred_at as opened_at,
              lead(occurred_at) over (partition by conversation_id order by occurred_at)
                as next_opened_at
       from ${tables.conversationEvents}
       where kind = 'opened' and ${filter}
     ) o
     cross join lateral (
       select
         min(e.occurred_at) filter (where e.kind = 'assigned') as first_assigned_at,
         min(e.occurred_at) filter (where e.kind = 'agent_replied') as first_reply_at,
         min(e.occurred_at) filter (where e.kind = 'resolved') as resolved_at,
         (array_agg(e.agent_id order by e.occurred_at)
            filter (where e.kind = 'resolved'))[1] as resolving_agent_id,
         (array_agg(e.agent_id order by e.occurred_at desc)
            filter (where e.kind = 'assigned'))[1] as last_assigned_agent_id,
         (array_agg(e.department_id order by e.occurred_at desc)
            filter (where e.kind = 'unassigned' and e.department_id is not null))[1]
            as moved_to_department_id,
         (array_agg(e.rating order by e.occurred_at desc)
            filter (where e.kind = 'rated'))[1] as rating
       from ${tables.conversationEvents} e
       where e.conversation_id = o.conversation_id
         and e.kind <> 'opened'
         and e.occurred_at >= o.opened_at
         and (o.next_opened_at is null or e.occurred_at < o.next_opened_at)
     ) s
     on conflict (conversation_id, opened_at) do nothing`,
    [parameter],
  );
}
