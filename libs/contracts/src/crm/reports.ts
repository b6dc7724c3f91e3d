import { IsIn, IsTimeZone, Matches, ValidateIf } from 'class-validator';
import { IsEntityId } from '../common/validators';

/** How report rows are bucketed in time, in the workspace's time zone (weeks start on Monday). */
export const REPORT_INTERVALS = ['day', 'week', 'month'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** What report rows are broken down by; `workspace` is one row per period. */
export const REPORT_DIMENSIONS = ['workspace', 'agent', 'department', 'channel'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** The longest period one report may cover: one year (`to` at most `from` plus a year). */
export const MAX_REPORT_PERIOD_YEARS = 1;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A period of local dates in a time zone: from `from` (inclusive) to `to` (exclusive). */
export class ReportPeriod {
  @IsEntityId() workspaceId!: string;
  /** `YYYY-MM-DD`, inclusive, in `timeZone`. */
  @Matches(DATE) from!: string;
  /** `YYYY-MM-DD`, exclusive, in `timeZone`. */
  @Matches(DATE) to!: string;
  /** The workspace's IANA time zone (the gateway reads it from the workspace settings). */
  @IsTimeZone() timeZone!: string;
}

/** `crm.report.kpis` → KpiReportRow[]: conversation, CSAT, SLA and ticket figures per period and dimension. */
export class GetKpiReportRequest extends ReportPeriod {
  @IsIn(REPORT_INTERVALS) interval!: ReportInterval;
  @IsIn(REPORT_DIMENSIONS) groupBy!: ReportDimension;
}

/**
 * One period (and one agent, department or channel) of the KPI report. Durations are seconds,
 * percentiles interpolated linearly; null when nothing was measured.
 */
export interface KpiReportRow {
  /** First local day of the period, `YYYY-MM-DD`. */
  period: string;
  /** The agent, department or channel id; null for the workspace row or "none". */
  key: string | null;
  /** Conversations opened (or reopened) in the period. */
  conversations: number;
  /** Resolved after at least one agent message. */
  handled: number;
  /** Assigned to an agent, resolved without an agent message. */
  missed: number;
  /** Resolved without ever being assigned to an agent. */
  abandoned: number;
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  resolutionMedian: number | null;
  resolutionP90: number | null;
  queueWaitMedian: number | null;
  queueWaitP90: number | null;
  csatAverage: number | null;
  /** Number of ratings 1, 2, 3, 4 and 5. */
  csatDistribution: [number, number, number, number, number];
  slaMet: number;
  slaBreached: number;
  /** met / (met + breached); null without a decided clock. */
  slaAttainment: number | null;
  /** Tickets created in the period (channel: under the null key). */
  tickets: number;
  /** Of those, solved (or closed) since. */
  ticketsSolved: number;
  /** Creation → first solved. */
  ticketResolutionMedian: number | null;
  ticketResolutionP90: number | null;
}

/** `crm.report.busiest-hours` → BusiestHourRow[]: conversations opened per local hour of day. */
export class GetBusiestHoursRequest extends ReportPeriod {}

export interface BusiestHourRow {
  /** 0–23, in the workspace's time zone. */
  hour: number;
  conversations: number;
}

export const REPORT_REBUILD_STATUSES = ['running', 'done', 'failed'] as const;
export type ReportRebuildStatus = (typeof REPORT_REBUILD_STATUSES)[number];

/**
 * `crm.report.rebuild` → ReportRebuildView: replays the EVENTS stream into fresh tables and
 * swaps them in for the workspace's projection, in the background (the reply says it started).
 */
export class RebuildReportsRequest {
  @IsEntityId() workspaceId!: string;
  /** The admin who asked. */
  @ValidateIf((_, v) => v !== null) @IsEntityId() requestedBy!: string | null;
}

/** `crm.report.rebuild.get` → ReportRebuildView. */
export class GetReportRebuildRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() rebuildId!: string;
}

export interface ReportRebuildView {
  id: string;
  status: ReportRebuildStatus;
  requestedBy: string | null;
  /** Stream messages read so far (all of the stream's events, whichever workspace). */
  eventsRead: number;
  startedAt: string;
  finishedAt: string | null;
  /** Why it failed; null otherwise. */
  error: string | null;
}
