import { Injectable } from '@nestjs/common';
import { SUBJECTS, type WorkspaceRetention } from '@hub/contracts';
import { ScheduledRetention } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';

// Oldest first by dependency: page views and invitations point at visits, a visitor at its
// current visit. A visit still current for a visitor seen since the cutoff stays.
const REMOVALS: readonly { table: string; sql: string }[] = [
  {
    table: 'web.page_views',
    sql: `delete from web.page_views where workspace_id = $1 and viewed_at < $2`,
  },
  {
    table: 'web.invitations',
    sql: `delete from web.invitations i where workspace_id = $1 and updated_at < $2
            and not exists (select 1 from web.visits v
                             where v.id = i.visit_id and v.last_seen_at >= $2)`,
  },
  {
    table: 'web.visitors',
    sql: `delete from web.visitors where workspace_id = $1 and last_seen_at < $2 and not online`,
  },
  {
    table: 'web.visits',
    sql: `delete from web.visits v where workspace_id = $1 and last_seen_at < $2
            and not exists (select 1 from web.visitors w where w.current_visit_id = v.id)
            and not exists (select 1 from web.page_views p where p.visit_id = v.id)
            and not exists (select 1 from web.invitations i where i.visit_id = v.id)`,
  },
];

/** Visits, page views, invitations and visitors last seen before the workspace's cutoff. */
@Injectable()
export class VisitRetention extends ScheduledRetention {
  protected workspaces(): Promise<WorkspaceRetention[]> {
    return this.rpc.request(SUBJECTS.gateway.listWorkspaceRetention, {});
  }

  protected async removeBefore(
    tx: EntityManager,
    workspaceId: string,
    cutoff: Date,
  ): Promise<Record<string, number>> {
    const removed: Record<string, number> = {};
    for (const { table, sql } of REMOVALS) {
      const [{ count }] = await tx.query<{ count: number }[]>(
        `with gone as (${sql} returning 1) select count(*)::int as count from gone`,
        [workspaceId, cutoff],
      );
      removed[table] = count;
    }
    return removed;
  }
}
