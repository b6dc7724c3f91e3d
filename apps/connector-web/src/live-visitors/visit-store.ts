import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database, DomainException } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import type { StoredVisitor, VisitorBeacons, QueuedView } from './beacon-types';
import { VisitDerivation, type VisitAttributes } from './visit-derivation';
import { sqlValues, updateReturning } from './sql-values';

/** A visit ends after this long without a page view or an open socket of the visitor. */
export const VISIT_IDLE_MS = 30 * 60 * 1000;

interface VisitorRow {
  visitor_id: string;
  visit_count: number;
  current_visit_id: string;
  online: boolean;
  last_seen_at: Date;
}

interface NewVisit {
  id: string;
  entry: VisitorBeacons;
  startedAt: Date;
  attributes: VisitAttributes;
}

interface Planned {
  entry: VisitorBeacons;
  visitId: string;
  newVisit: NewVisit | null;
  visitCount: number;
  wasOnline: boolean;
  latest: QueuedView;
}

/**
 * Writes one flush of beacons in a handful of multi-row statements, whatever its size: the
 * visitors' rows (locked in id order, so concurrent flushes of other replicas never deadlock),
 * new visits, page views (once per client page view id), visit counters, then the durations of
 * pages left.
 */
@Injectable()
export class VisitStore {
  constructor(
    private readonly database: Database,
    private readonly derivation: VisitDerivation,
  ) {}

  async write(batch: VisitorBeacons[]): Promise<StoredVisitor[]> {
    if (!this.database.dataSource.isInitialized)
      throw new DomainException('DATABASE_UNAVAILABLE', 'Page views cannot be stored now');
    return this.database.dataSource.transaction(async (tx) => {
      const viewing = batch.filter((entry) => entry.views.length > 0);
      const planned = await this.plan(tx, viewing);
      await this.insertVisits(
        tx,
        planned.flatMap((p) => (p.newVisit ? [p.newVisit] : [])),
      );
      await this.upsertVisitors(tx, planned);
      const counts = await this.insertPageViews(tx, planned);
      await this.recordLeaves(tx, batch);
      return planned.map((p) => ({
        visitor: p.entry.visitor,
        client: p.entry.client,
        arrived: !p.wasOnline,
        visitId: p.visitId,
        newVisit: p.newVisit !== null,
        visitCount: p.visitCount,
        freshViews: counts.has(p.visitId),
        pagesViewed: counts.get(p.visitId)?.total ?? 0,
        searchKeyword: counts.get(p.visitId)?.searchKeyword ?? null,
        url: p.latest.url,
      }));
    });
  }

  private async plan(tx: EntityManager, viewing: VisitorBeacons[]): Promise<Planned[]> {
    if (viewing.length === 0) return [];
    const ids = viewing.map((entry) => entry.visitor.visitorId);
    const rows: VisitorRow[] = await tx.query(
      `select visitor_id, visit_count, current_visit_id, online, last_seen_at
         from web.visitors where visitor_id = any($1::uuid[])
        order by visitor_id for update`,
      [ids],
    );
    const known = new Map(rows.map((row) => [row.visitor_id, row]));
    return Promise.all(
      viewing.map(async (entry): Promise<Planned> => {
        const row = known.get(entry.visitor.visitorId);
        const first = entry.views[0];
        const latest = entry.views[entry.views.length - 1];
        const idle =
          !row || first.receivedAt.getTime() - row.last_seen_at.getTime() > VISIT_IDLE_MS;
        if (row && !idle) {
          return {
            entry,
            latest,
            visitId: row.current_visit_id,
            newVisit: null,
            visitCount: row.visit_count,
            wasOnline: row.online,
          };
        }
        const attributes = await this.derivation.derive(first, entry.client);
        const visit = { id: randomUUID(), entry, startedAt: first.receivedAt, attributes };
        return {
          entry,
          latest,
          visitId: visit.id,
          newVisit: visit,
          visitCount: (row?.visit_count ?? 0) + 1,
          wasOnline: row?.online ?? false,
        };
      }),
    );
  }

  private async insertVisits(tx: EntityManager, visits: NewVisit[]): Promise<void> {
    if (visits.length === 0) return;
    const { sql, params } = sqlValues(
      visits.map(({ id, entry, startedAt, attributes: a }) => [
        id,
        entry.visitor.workspaceId,
        entry.visitor.inboxId,
        entry.visitor.visitorId,
        a.source,
        a.searchEngine,
        a.searchKeyword,
        a.referrer,
        a.utm.source,
        a.utm.medium,
        a.utm.campaign,
        a.utm.term,
        a.utm.content,
        a.country,
        a.city,
        a.browser,
        a.os,
        a.device,
        startedAt,
        startedAt,
      ]),
      [
        'uuid',
        'uuid',
        'uuid',
        'uuid',
        ...Array<string>(14).fill('text'),
        'timestamptz',
        'timestamptz',
      ],
    );
    await tx.query(
      `insert into web.visits (id, workspace_id, inbox_id, visitor_id, source, search_engine,
         search_keyword, referrer, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
         country, city, browser, os, device, started_at, last_seen_at)
       values ${sql}`,
      params,
    );
  }

  private async upsertVisitors(tx: EntityManager, planned: Planned[]): Promise<void> {
    if (planned.length === 0) return;
    const { sql, params } = sqlValues(
      planned.map(({ entry, visitId, visitCount, latest }) => [
        entry.visitor.visitorId,
        entry.visitor.workspaceId,
        entry.visitor.inboxId,
        visitCount,
        visitId,
        latest.url,
        latest.title,
        latest.receivedAt,
      ]),
      ['uuid', 'uuid', 'uuid', 'int', 'uuid', 'text', 'text', 'timestamptz'],
    );
    await tx.query(
      `insert into web.visitors as v (visitor_id, workspace_id, inbox_id, visit_count,
         current_visit_id, current_url, current_title, last_seen_at, first_seen_at, online,
         online_since)
       select id, ws, inbox, visits, visit, url, title, seen, seen, true, seen
         from (values ${sql}) as b(id, ws, inbox, visits, visit, url, title, seen)
       on conflict (visitor_id) do update set
         visit_count = excluded.visit_count,
         current_visit_id = excluded.current_visit_id,
         current_url = excluded.current_url,
         current_title = excluded.current_title,
         last_seen_at = greatest(v.last_seen_at, excluded.last_seen_at),
         online_since = case when v.online then v.online_since else excluded.online_since end,
         online = true`,
      params,
    );
  }

  /**
   * Inserts the page views and counts them on their visits; per visit that got any, how many
   * it has now and its search keyword.
   */
  private async insertPageViews(
    tx: EntityManager,
    planned: Planned[],
  ): Promise<Map<string, { total: number; searchKeyword: string | null }>> {
    const rows = planned.flatMap(({ entry, visitId }) =>
      entry.views.map((view) => [
        entry.visitor.workspaceId,
        entry.visitor.visitorId,
        visitId,
        view.pageViewId,
        view.url,
        view.title,
        view.referrer,
        view.receivedAt,
      ]),
    );
    if (rows.length === 0) return new Map();
    const { sql, params } = sqlValues(rows, [
      'uuid',
      'uuid',
      'uuid',
      'uuid',
      'text',
      'text',
      'text',
      'timestamptz',
    ]);
    const inserted: { visit_id: string; viewed_at: Date }[] = await tx.query(
      `insert into web.page_views (workspace_id, visitor_id, visit_id, page_view_id, url, title,
         referrer, viewed_at)
       values ${sql}
       on conflict (visitor_id, page_view_id) do nothing
       returning visit_id, viewed_at`,
      params,
    );
    const added = new Map<string, { n: number; last: Date }>();
    for (const row of inserted) {
      const current = added.get(row.visit_id);
      added.set(row.visit_id, {
        n: (current?.n ?? 0) + 1,
        last: current && current.last > row.viewed_at ? current.last : row.viewed_at,
      });
    }
    if (added.size === 0) return new Map();
    const counts = sqlValues(
      [...added].map(([visitId, { n, last }]) => [visitId, n, last]),
      ['uuid', 'int', 'timestamptz'],
    );
    const totals = await updateReturning<{
      id: string;
      pages_viewed: number;
      search_keyword: string | null;
    }>(
      tx,
      `update web.visits s set pages_viewed = s.pages_viewed + c.n,
           last_seen_at = greatest(s.last_seen_at, c.last)
           from (values ${counts.sql}) as c(id, n, last)
          where s.id = c.id
          returning s.id, s.pages_viewed, s.search_keyword`,
      counts.params,
    );
    return new Map(
      totals.map((row) => [row.id, { total: row.pages_viewed, searchKeyword: row.search_keyword }]),
    );
  }

  /** A page's time is its first `leave`; a leave for a page never stored changes nothing. */
  private async recordLeaves(tx: EntityManager, batch: VisitorBeacons[]): Promise<void> {
    const rows = batch.flatMap(({ visitor, leaves }) =>
      leaves.map((leave) => [visitor.visitorId, leave.pageViewId, leave.durationMs]),
    );
    if (rows.length === 0) return;
    const { sql, params } = sqlValues(rows, ['uuid', 'uuid', 'int']);
    await tx.query(
      `update web.page_views p set duration_ms = l.duration
         from (values ${sql}) as l(visitor_id, page_view_id, duration)
        where p.visitor_id = l.visitor_id and p.page_view_id = l.page_view_id
          and p.duration_ms is null`,
      params,
    );
  }
}
