import { Module } from '@nestjs/common';
import { BusiestHoursQuery } from './busiest-hours.query';
import { KpiReportQuery } from './kpi-report.query';
import { RebuildReports } from './rebuild-reports.use-case';
import { ReportEventsHandler } from './report-events.handler';
import { ReportProjection } from './report-projection';
import { ReportRebuilds } from './report-rebuilds';
import { ReportsHandler } from './reports.handler';

@Module({
  controllers: [ReportsHandler],
  providers: [
    ReportProjection,
    ReportEventsHandler,
    KpiReportQuery,
    BusiestHoursQuery,
    RebuildReports,
    ReportRebuilds,
  ],
  exports: [ReportProjection],
})
export class ReportsModule {}
