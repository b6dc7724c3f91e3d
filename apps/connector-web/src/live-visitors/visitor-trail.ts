import { Injectable } from '@nestjs/common';
import type { VisitorTrailRequest, VisitorTrailView } from '@hub/contracts';
import { Database } from '@hub/service-kit';

// The most recent pages, returned oldest first; an older past is not a trail anyone reads.
const MAX_TRAIL_PAGES = 500;

interface TrailRow {
  visit_id: string;
  url: string;
  title: string;
  referrer: string | null;
  viewed_at: Date;
  duration_ms: number | null;
}

/** A visitor's pages across visits, with the time spent on each once known. */
@Injectable()
export class VisitorTrail {
  constructor(private readonly database: Database) {}

  async trail({ workspaceId, visitorId }: VisitorTrailRequest): Promise<VisitorTrailView> {
    const rows: TrailRow[] = await this.database.dataSource.query(
      `select * from (
         select visit_id, url, title, referrer, viewed_at, duration_ms, id
           from web.page_views
          where visitor_id = $1 and workspace_id = $2
          order by viewed_at desc, id desc
          limit $3) recent
        order by viewed_at, id`,
      [visitorId, workspaceId, MAX_TRAIL_PAGES],
    );
    return {
      visitorId,
      pages: rows.map((row) => ({
        visitId: row.visit_id,
        url: row.url,
        title: row.title,
        referrer: row.referrer,
        viewedAt: row.viewed_at.toISOString(),
        durationMs: row.duration_ms,
      })),
    };
  }
}
