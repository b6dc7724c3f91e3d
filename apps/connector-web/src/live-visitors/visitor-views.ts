import { Injectable, Logger } from '@nestjs/common';
import {
  SUBJECTS,
  type VisitorSummariesRequest,
  type VisitorSummary,
  type VisitorDevice,
  type VisitorView,
  type VisitSource,
} from '@hub/contracts';
import { Database, RpcClient } from '@hub/service-kit';

interface OnlineRow {
  visitor_id: string;
  workspace_id: string;
  inbox_id: string;
  visit_count: number;
  current_url: string;
  current_title: string;
  online_since: Date;
  last_seen_at: Date;
  visit_id: string;
  source: VisitSource;
  search_engine: string | null;
  search_keyword: string | null;
  referrer: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  country: string | null;
  city: string | null;
  browser: string | null;
  os: string | null;
  device: VisitorDevice | null;
  pages_viewed: number;
}

const SELECT_ONLINE = `
  select v.visitor_id, v.workspace_id, v.inbox_id, v.visit_count, v.current_url, v.current_title,
         v.online_since, v.last_seen_at, s.id as visit_id, s.source, s.search_engine,
         s.search_keyword, s.referrer, s.utm_source, s.utm_medium, s.utm_campaign, s.utm_term,
         s.utm_content, s.country, s.city, s.browser, s.os, s.device, s.pages_viewed
    from web.visitors v
    join web.visits s on s.id = v.current_visit_id`;

// One page of the live view; a workspace with more visitors online sees the longest-present.
const MAX_ONLINE = 1_000;

/** Online visitors as agents see them: our rows, with their conversations from conversation. */
@Injectable()
export class VisitorViews {
  private readonly logger = new Logger(VisitorViews.name);

  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
  ) {}

  /** The workspace's visitors online now, longest-present first. */
  async online(workspaceId: string): Promise<VisitorView[]> {
    const rows: OnlineRow[] = await this.database.dataSource.query(
      `${SELECT_ONLINE} where v.workspace_id = $1 and v.online order by v.online_since limit $2`,
      [workspaceId, MAX_ONLINE],
    );
    return this.withConversations(workspaceId, rows, { strict: true });
  }

  /** These visitors, if online, grouped by workspace (for live events: never fails on conversation). */
  async onlineByIds(visitorIds: string[]): Promise<VisitorView[]> {
    if (visitorIds.length === 0) return [];
    const rows: OnlineRow[] = await this.database.dataSource.query(
      `${SELECT_ONLINE} where v.visitor_id = any($1::uuid[]) and v.online`,
      [visitorIds],
    );
    const byWorkspace = new Map<string, OnlineRow[]>();
    for (const row of rows) {
      byWorkspace.set(row.workspace_id, [...(byWorkspace.get(row.workspace_id) ?? []), row]);
    }
    const views = await Promise.all(
      [...byWorkspace].map(([ws, list]) => this.withConversations(ws, list, { strict: false })),
    );
    return views.flat();
  }

  /** The visitors' conversation counts and whether they chat now, from conversation. */
  async summaries(workspaceId: string, visitorIds: string[]): Promise<Map<string, VisitorSummary>> {
    if (visitorIds.length === 0) return new Map();
    const request: VisitorSummariesRequest = { workspaceId, visitorIds };
    const list = await this.rpc.request(SUBJECTS.conversation.visitorSummaries, request);
    return new Map(list.map((summary) => [summary.visitorId, summary]));
  }

  private async withConversations(
    workspaceId: string,
    rows: OnlineRow[],
    { strict }: { strict: boolean },
  ): Promise<VisitorView[]> {
    let summaries = new Map<string, VisitorSummary>();
    try {
      summaries = await this.summaries(
        workspaceId,
        rows.map((row) => row.visitor_id),
      );
    } catch (error) {
      // A live event still goes out when conversation is slow; the REST list says it failed.
      if (strict) throw error;
      this.logger.warn({ err: error, workspaceId }, 'visitor conversations unknown for live event');
    }
    return rows.map((row) => toVisitorView(row, summaries.get(row.visitor_id)));
  }
}

function toVisitorView(row: OnlineRow, summary: VisitorSummary | undefined): VisitorView {
  return {
    visitorId: row.visitor_id,
    workspaceId: row.workspace_id,
    inboxId: row.inbox_id,
    customerId: summary?.customerId ?? null,
    visitId: row.visit_id,
    currentUrl: row.current_url,
    currentTitle: row.current_title,
    source: row.source,
    searchEngine: row.search_engine,
    searchKeyword: row.search_keyword,
    referrer: row.referrer,
    utm: {
      source: row.utm_source,
      medium: row.utm_medium,
      campaign: row.utm_campaign,
      term: row.utm_term,
      content: row.utm_content,
    },
    country: row.country,
    city: row.city,
    browser: row.browser,
    os: row.os,
    device: row.device,
    firstVisit: row.visit_count <= 1,
    visitCount: row.visit_count,
    pagesViewed: row.pages_viewed,
    conversationCount: summary?.conversationCount ?? 0,
    chatting: summary?.activeConversationId != null,
    onlineSince: row.online_since.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
  };
}
