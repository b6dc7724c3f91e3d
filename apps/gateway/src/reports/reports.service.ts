import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type BusiestHourRow,
  type KpiReportRow,
  type ReportRebuildView,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { authErrors } from '../auth/auth.exception';
import { isSupervisor } from '../auth/authenticated-agent';
import { WorkspacesService } from '../workspaces/workspaces.service';
import type { KpiReportQuery, ReportPeriodQuery } from './dto/report.dto';

/** Reports from crm's projection, for supervisors and admins, in the workspace's time zone. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly workspaces: WorkspacesService,
  ) {}

  async kpis(agent: AuthenticatedAgent, query: KpiReportQuery): Promise<KpiReportRow[]> {
    return this.rpc.request(SUBJECTS.crm.kpiReport, {
      ...(await this.period(agent, query)),
      interval: query.interval ?? 'day',
      groupBy: query.groupBy ?? 'workspace',
    });
  }

  async busiestHours(
    agent: AuthenticatedAgent,
    query: ReportPeriodQuery,
  ): Promise<BusiestHourRow[]> {
    return this.rpc.request(SUBJECTS.crm.busiestHours, await this.period(agent, query));
  }

  rebuild(agent: AuthenticatedAgent): Promise<ReportRebuildView> {
    this.mustSupervise(agent, 'rebuild reports');
    // crm answers once the rebuild has started; the replay runs in its background.
    return this.rpc.request(SUBJECTS.crm.rebuildReports, {
      workspaceId: agent.workspaceId,
      requestedBy: agent.agentId,
    });
  }

  getRebuild(agent: AuthenticatedAgent, rebuildId: string): Promise<ReportRebuildView> {
    this.mustSupervise(agent, 'see report rebuilds');
    return this.rpc.request(SUBJECTS.crm.getReportRebuild, {
      workspaceId: agent.workspaceId,
      rebuildId,
    });
  }

  private async period(agent: AuthenticatedAgent, query: ReportPeriodQuery) {
    this.mustSupervise(agent, 'read reports');
    const { timeZone } = await this.workspaces.settings(agent.workspaceId);
    return { workspaceId: agent.workspaceId, from: query.from, to: query.to, timeZone };
  }

  private mustSupervise(agent: AuthenticatedAgent, what: string): void {
    if (!isSupervisor(agent)) throw authErrors.forbidden(what);
  }
}
