import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetBusiestHoursRequest,
  GetKpiReportRequest,
  SUBJECTS,
  type BusiestHourRow,
  type KpiReportRow,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { BusiestHoursQuery } from './busiest-hours.query';
import { KpiReportQuery } from './kpi-report.query';

@Controller()
export class ReportsHandler {
  constructor(
    private readonly kpis: KpiReportQuery,
    private readonly busiestHours: BusiestHoursQuery,
  ) {}

  @RequestPattern(SUBJECTS.crm.kpiReport)
  kpiReport(@Payload() request: GetKpiReportRequest): Promise<KpiReportRow[]> {
    return this.kpis.run(request);
  }

  @RequestPattern(SUBJECTS.crm.busiestHours)
  busiestHoursReport(@Payload() request: GetBusiestHoursRequest): Promise<BusiestHourRow[]> {
    return this.busiestHours.run(request);
  }
}
