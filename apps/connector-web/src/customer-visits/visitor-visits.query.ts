import { Injectable } from '@nestjs/common';
import type { VisitorVisitsRequest, VisitView } from '@hub/contracts';
import { Database } from '@hub/service-kit';

interface VisitRow {
  id: string;
  visitor_id: string;
  started_at: Date;
  last_seen_at: Date;
  pages_viewed: number;
  source: string;
  referrer: string | null;
  search_keyword: string | null;
  country: string | null;
  city: string | null;
  device: string | null;
}

/**
 * Visits of some visitors (one customer's web identities), newest started first, a page after
 * a position; times compared to the millisecond, the precision the position travels in.
 */
@Injectable()
export class VisitorVisits {
  constructor(private readonly database: Database) {}

  async page(request: VisitorVisitsRequest): Promise<VisitView[]> {
    if (request.visitorIds.length === 0) return [];
    const rows = await this.database.dataSource.query<VisitRow[]>(
      `select id, visitor_id, started_at, last_seen_at, pages_viewed, source, referrer,
              search_keyword, country, city, device
         from web.visits
        where workspace_id = $1 and visitor_id = any($2::uuid[])
          and ($3::timestamptz is null
               or (date_trunc('milliseconds', started_at), id) < ($3::timestamptz, $4::uuid))
        order by date_trunc('milliseconds', started_at) desc, id desc
        limit $5`,
      [
        request.workspaceId,
        request.visitorIds,
        request.before?.at ?? null,
        request.before?.id ?? null,
        request.limit,
      ],
    );
    return rows.map((row) => ({
      id: row.id,
      visitorId: row.visitor_id,
      startedAt: row.started_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      pagesViewed: row.pages_viewed,
      source: row.source,
      referrer: row.referrer,
      searchKeyword: row.search_keyword,
      country: row.country,
      city: row.city,
      device: row.device,
    }));
  }
}
