import { Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { BusiestHourRow, KpiReportRow, ReportRebuildView } from '@hub/contracts';
import type { Response } from 'express';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { toCsv, type CsvColumn } from './csv';
import { KpiReportQuery, RebuildParams, ReportPeriodQuery } from './dto/report.dto';
import { BUSIEST_HOURS_CSV_COLUMNS, KPI_CSV_COLUMNS } from './report-csv';
import {
  BusiestHourRowSchema,
  KpiReportRowSchema,
  ReportRebuildViewSchema,
} from './report-schemas';
import { ReportsService } from './reports.service';

const FORBIDDEN = { status: 403, description: 'AUTH_FORBIDDEN: supervisors and admins only' };
const PERIOD = {
  status: 400,
  description:
    'REPORT_PERIOD_TOO_LONG (over a year) or REPORT_PERIOD_INVALID (to not after from, no such date)',
};

@ApiController('reports', 'reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('kpis')
  @ApiOperation({
    summary:
      'Conversation, CSAT and SLA figures per day, week or month and per agent, department or channel',
    description: "Periods in the workspace's time zone. `format=csv` answers text/csv.",
  })
  @ApiOkResponse({ type: [KpiReportRowSchema] })
  @ApiProduces('application/json', 'text/csv')
  @ApiErrors(PERIOD, FORBIDDEN)
  async kpis(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Query() query: KpiReportQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KpiReportRow[] | string> {
    const rows = await this.reports.kpis(agent, query);
    return query.format === 'csv' ? asCsv(response, 'kpis', query, KPI_CSV_COLUMNS, rows) : rows;
  }

  @Get('busiest-hours')
  @ApiOperation({
    summary: "Conversations opened per hour of day (workspace's time zone), busiest first",
  })
  @ApiOkResponse({ type: [BusiestHourRowSchema] })
  @ApiProduces('application/json', 'text/csv')
  @ApiErrors(PERIOD, FORBIDDEN)
  async busiestHours(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Query() query: ReportPeriodQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BusiestHourRow[] | string> {
    const rows = await this.reports.busiestHours(agent, query);
    return query.format === 'csv'
      ? asCsv(response, 'busiest-hours', query, BUSIEST_HOURS_CSV_COLUMNS, rows)
      : rows;
  }

  @Post('rebuilds')
  @HttpCode(202)
  @ApiOperation({
    summary: "Rebuild the workspace's reports from the event stream (in the background)",
  })
  @ApiAcceptedResponse({ type: ReportRebuildViewSchema })
  @ApiErrors(FORBIDDEN, { status: 409, description: 'REPORT_REBUILD_RUNNING' })
  rebuild(@CurrentAgent() agent: AuthenticatedAgent): Promise<ReportRebuildView> {
    return this.reports.rebuild(agent);
  }

  @Get('rebuilds/:rebuildId')
  @ApiOperation({ summary: 'How a rebuild is going, or how it ended' })
  @ApiOkResponse({ type: ReportRebuildViewSchema })
  @ApiErrors(FORBIDDEN, { status: 404, description: 'REPORT_REBUILD_NOT_FOUND' })
  getRebuild(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { rebuildId }: RebuildParams,
  ): Promise<ReportRebuildView> {
    return this.reports.getRebuild(agent, rebuildId);
  }
}

function asCsv<T>(
  response: Response,
  name: string,
  period: ReportPeriodQuery,
  columns: readonly CsvColumn<T>[],
  rows: readonly T[],
): string {
  response.type('text/csv; charset=utf-8');
  response.attachment(`${name}-${period.from}-${period.to}.csv`);
  return toCsv(columns, rows);
}
