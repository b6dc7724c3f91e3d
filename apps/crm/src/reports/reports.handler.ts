import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetBusiestHoursRequest,
  GetKpiReportRequest,
  GetReportRebuildRequest,
  RebuildReportsRequest,
  SUBJECTS,
  type BusiestHourRow,
  type KpiReportRow,
  type ReportRebuildView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { BusiestHoursQuery } from './busiest-hours.query';
import { KpiReportQuery } from './kpi-report.query';
import { RebuildReports } from './rebuild-reports.use-case';
import { ReportRebuilds } from './report-rebuilds';

@Controller()
export class ReportsHandler {
  constructor(
    private readonly kpis: KpiReportQuery,
    private readonly busiestHours: BusiestHoursQuery,
    private readonly rebuild: RebuildReports,
    private readonly rebuilds: ReportRebuilds,
  ) {}

  @RequestPattern(SUBJECTS.crm.kpiReport)
  kpiReport(@Payload() request: GetKpiReportRequest): Promise<KpiReportRow[]> {
    return this.kpis.run(request);
  }

  @RequestPattern(SUBJECTS.crm.busiestHours)
  busiestHoursReport(@Payload() request: GetBusiestHoursRequest): Promise<BusiestHourRow[]> {
    return this.busiestHours.run(request);
  }

  @RequestPattern(SUBJECTS.crm.rebuildReports)
  rebuildReports(@Payload() request: RebuildReportsRequest): Promise<ReportRebuildView> {
    return this.rebuild.start(request);
  }

  @RequestPattern(SUBJECTS.crm.getReportRebuild)
  getRebuild(@Payload() request: GetReportRebuildRequest): Promise<ReportRebuildView> {
    return this.rebuilds.get(request.workspaceId, request.rebuildId);
  }
}
