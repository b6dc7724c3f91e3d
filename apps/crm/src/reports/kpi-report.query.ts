import { Injectable } from '@nestjs/common';
import type { GetKpiReportRequest, KpiReportRow, ReportDimension } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { checkReportPeriod } from './report-period';

// The column each breakdown groups by; the same name in sessions and SLA facts.
const DIMENSION_COLUMN: Record<ReportDimension, string> = {
  workspace: 'null::text',
  agent: 'agent_id::text',
  department: 'department_id::text',
  channel: 'channel',
};

// Seconds from opening to a moment, for percentiles.
const since = (column: string) => `extract(epoch from ${column} - opened_at)`;

// Interpolated percentiles carry float noise (510.00000000000006): rounded to the millisecond.
const milliseconds = (seconds: string) => `round(${seconds}::numeric, 3)::float8`;

// $1 workspace, $2 from, $3 to (local dates), $4 time zone, $5 interval.
const KPI_SQL = (dimension: string) => `
  with bounds as (
    select ($2::date)::timestamp at time zone $4::text as starts, ($3::date)::timestamp at time zone $4::text as ends
  ),
  sessions as (
    select date_trunc($5::text, s.opened_at at time zone $4::text) as period, ${dimension} as key, s.*
    from reporting.conversation_sessions s, bounds
    where s.workspace_id = $1 and s.opened_at >= bounds.starts and s.opened_at < bounds.ends
  ),
  conversations as (
    select period, key,
      count(*)::int as conversations,
      count(*) filter (where resolved_at is not null and first_reply_at is not null)::int as handled,
      count(*) filter (where resolved_at is not null and first_assigned_at is not null
                         and first_reply_at is null)::int as missed,
      count(*) filter (where resolved_at is not null and first_assigned_at is null)::int as abandoned,
      percentile_cont(0.5) within group (order by ${since('first_reply_at')}) as frt_median,
      percentile_cont(0.9) within group (order by ${since('first_reply_at')}) as frt_p90,
      percentile_cont(0.5) within group (order by ${since('resolved_at')})
        filter (where first_reply_at is not null) as resolution_median,
      percentile_cont(0.9) within group (order by ${since('resolved_at')})
        filter (where first_reply_at is not null) as resolution_p90,
      percentile_cont(0.5) within group (order by ${since('first_assigned_at')}) as wait_median,
      percentile_cont(0.9) within group (order by ${since('first_assigned_at')}) as wait_p90,
      avg(rating)::float8 as csat_average,
      array[count(*) filter (where rating = 1), count(*) filter (where rating = 2),
            count(*) filter (where rating = 3), count(*) filter (where rating = 4),
            count(*) filter (where rating = 5)]::int[] as csat_distribution
    from sessions group by period, key
  ),
  -- A clock counts once, in the period it was decided: breached if it ever breached.
  clocks as (
    select clock_id,
      min(occurred_at) as decided_at,
      bool_or(outcome = 'breached') as breached,
      (array_agg(${dimension} order by occurred_at))[1] as key
    from reporting.sla_events, bounds
    where workspace_id = $1 and outcome in ('met', 'breached')
      and occurred_at >= bounds.starts and occurred_at < bounds.ends
    group by clock_id
  ),
  -- A ticket counts in the period it was created; solved is the first time it was solved.
  tickets as (
    select ticket_id,
      min(ticket_created_at) as created_at,
      min(occurred_at) filter (where status in ('solved', 'closed')) as solved_at,
      coalesce(
        (array_agg(agent_id order by occurred_at)
           filter (where status in ('solved', 'closed')))[1],
        (array_agg(agent_id order by occurred_at desc))[1]) as agent_id,
      (array_agg(department_id order by occurred_at desc))[1] as department_id,
      null::text as channel
    from reporting.ticket_events, bounds
    where workspace_id = $1
      and ticket_created_at >= bounds.starts and ticket_created_at < bounds.ends
    group by ticket_id
  ),
  ticket_kpis as (
    select date_trunc($5::text, created_at at time zone $4::text) as period, ${dimension} as key,
      count(*)::int as tickets,
      count(solved_at)::int as tickets_solved,
      percentile_cont(0.5) within group (order by extract(epoch from solved_at - created_at))
        as ticket_resolution_median,
      percentile_cont(0.9) within group (order by extract(epoch from solved_at - created_at))
        as ticket_resolution_p90
    from tickets group by 1, 2
  ),
  sla as (
    select date_trunc($5::text, decided_at at time zone $4::text) as period, key,
      count(*) filter (where not breached)::int as met,
      count(*) filter (where breached)::int as breached
    from clocks group by 1, 2
  )
  select to_char(coalesce(c.period, s.period, t.period), 'YYYY-MM-DD') as period,
    coalesce(c.key, s.key, t.key) as key,
    coalesce(c.conversations, 0) as conversations, coalesce(c.handled, 0) as handled,
    coalesce(c.missed, 0) as missed, coalesce(c.abandoned, 0) as abandoned,
    ${milliseconds('c.frt_median')} as frt_median, ${milliseconds('c.frt_p90')} as frt_p90,
    ${milliseconds('c.resolution_median')} as resolution_median,
    ${milliseconds('c.resolution_p90')} as resolution_p90,
    ${milliseconds('c.wait_median')} as wait_median, ${milliseconds('c.wait_p90')} as wait_p90,
    c.csat_average, coalesce(c.csat_distribution, array[0, 0, 0, 0, 0]) as csat_distribution,
    coalesce(s.met, 0) as sla_met, coalesce(s.breached, 0) as sla_breached,
    coalesce(t.tickets, 0) as tickets, coalesce(t.tickets_solved, 0) as tickets_solved,
    ${milliseconds('t.ticket_resolution_median')} as ticket_resolution_median,
    ${milliseconds('t.ticket_resolution_p90')} as ticket_resolution_p90
  from conversations c
  full join sla s on s.period = c.period and coalesce(s.key, '') = coalesce(c.key, '')
  full join ticket_kpis t on t.period = coalesce(c.period, s.period)
    and coalesce(t.key, '') = coalesce(c.key, s.key, '')
  order by 1, 2 nulls first`;

interface KpiSqlRow {
  period: string;
  key: string | null;
  conversations: number;
  handled: number;
  missed: number;
  abandoned: number;
  frt_median: number | null;
  frt_p90: number | null;
  resolution_median: number | null;
  resolution_p90: number | null;
  wait_median: number | null;
  wait_p90: number | null;
  csat_average: number | null;
  csat_distribution: number[];
  sla_met: number;
  sla_breached: number;
  tickets: number;
  tickets_solved: number;
  ticket_resolution_median: number | null;
  ticket_resolution_p90: number | null;
}

/** Conversation, SLA and ticket KPIs per period and dimension, read from the projection only (never the transcripts). */
@Injectable()
export class KpiReportQuery {
  constructor(private readonly database: Database) {}

  async run(request: GetKpiReportRequest): Promise<KpiReportRow[]> {
    checkReportPeriod(request);
    const rows = await this.database.dataSource.query<KpiSqlRow[]>(
      KPI_SQL(DIMENSION_COLUMN[request.groupBy]),
      [request.workspaceId, request.from, request.to, request.timeZone, request.interval],
    );
    return rows.map(toReportRow);
  }
}

function toReportRow(row: KpiSqlRow): KpiReportRow {
  const decided = row.sla_met + row.sla_breached;
  const [one, two, three, four, five] = row.csat_distribution;
  return {
    period: row.period,
    key: row.key,
    conversations: row.conversations,
    handled: row.handled,
    missed: row.missed,
    abandoned: row.abandoned,
    firstResponseMedian: row.frt_median,
    firstResponseP90: row.frt_p90,
    resolutionMedian: row.resolution_median,
    resolutionP90: row.resolution_p90,
    queueWaitMedian: row.wait_median,
    queueWaitP90: row.wait_p90,
    csatAverage: row.csat_average,
    csatDistribution: [one, two, three, four, five],
    slaMet: row.sla_met,
    slaBreached: row.sla_breached,
    slaAttainment: decided === 0 ? null : row.sla_met / decided,
    tickets: row.tickets,
    ticketsSolved: row.tickets_solved,
    ticketResolutionMedian: row.ticket_resolution_median,
    ticketResolutionP90: row.ticket_resolution_p90,
  };
}
