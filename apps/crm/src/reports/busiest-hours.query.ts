import { Injectable } from '@nestjs/common';
import type { BusiestHourRow, GetBusiestHoursRequest } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { checkReportPeriod } from './report-period';

/** Conversations opened per local hour of day over a period: all 24 hours, busiest first. */
@Injectable()
export class BusiestHoursQuery {
  constructor(private readonly database: Database) {}

  async run(request: GetBusiestHoursRequest): Promise<BusiestHourRow[]> {
    checkReportPeriod(request);
    return this.database.dataSource.query<BusiestHourRow[]>(
      `with opened as (
         select extract(hour from opened_at at time zone $4::text)::int as hour
         from reporting.conversation_sessions
         where workspace_id = $1
           and opened_at >= ($2::date)::timestamp at time zone $4::text
           and opened_at < ($3::date)::timestamp at time zone $4::text
       )
       select h.hour, count(o.hour)::int as conversations
       from generate_series(0, 23) as h(hour) left join opened o on o.hour = h.hour
       group by h.hour order by conversations desc, h.hour`,
      [request.workspaceId, request.from, request.to, request.timeZone],
    );
  }
}
