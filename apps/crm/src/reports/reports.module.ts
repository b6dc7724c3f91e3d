import { Module } from '@nestjs/common';
import { BusiestHoursQuery } from './busiest-hours.query';
import { KpiReportQuery } from './kpi-report.query';
import { ReportEventsHandler } from './report-events.handler';
import { ReportProjection } from './report-projection';
import { ReportsHandler } from './reports.handler';

@Module({
  controllers: [ReportsHandler],
  providers: [ReportProjection, ReportEventsHandler, KpiReportQuery, BusiestHoursQuery],
})
export class ReportsModule {}
