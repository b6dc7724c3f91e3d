import { Injectable } from '@nestjs/common';
import type {
  ListSlaClocksRequest,
  SlaAlertingTicketsRequest,
  SlaClockView,
  SlaStandingView,
  SlaStandingsRequest,
} from '@hub/contracts';
import { MAX_SLA_ALERT_SUBJECTS } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import type { SlaClock } from './sla-clock.entity';
import { SlaClocksRepository } from './sla-clocks.repository';

function stateOf(clock: SlaClock): SlaClockView['state'] {
  if (clock.outcome) return clock.outcome;
  return clock.runningSince ? 'running' : 'paused';
}

function clockView(clock: SlaClock): SlaClockView {
  return {
    id: clock.id,
    subjectType: clock.subjectType,
    subjectId: clock.subjectId,
    metric: clock.metric,
    policyId: clock.policyId,
    targetMinutes: clock.targetMinutes,
    businessHours: clock.businessHours,
    state: stateOf(clock),
    startedAt: clock.startedAt.toISOString(),
    dueAt: clock.stoppedAt ? null : (clock.dueAt?.toISOString() ?? null),
    consumedMinutes: clock.consumedMinutes,
    warnedAt: clock.warnedAt?.toISOString() ?? null,
    breachedAt: clock.breachedAt?.toISOString() ?? null,
    stoppedAt: clock.stoppedAt?.toISOString() ?? null,
    assigneeId: clock.assigneeId,
    departmentId: clock.departmentId,
    channel: clock.channel,
    priority: clock.priority,
    vip: clock.vip,
  };
}

/** Reads of SLA clocks, for agents looking at a ticket or a conversation. */
@Injectable()
export class SlaClocksService {
  private readonly clocks: SlaClocksRepository;

  constructor(database: Database) {
    this.clocks = new SlaClocksRepository(database.dataSource.manager);
  }

  async list({ workspaceId, subjectId }: ListSlaClocksRequest): Promise<SlaClockView[]> {
    return (await this.clocks.list(workspaceId, subjectId)).map(clockView);
  }

  async standings({ workspaceId, subjectIds }: SlaStandingsRequest): Promise<SlaStandingView[]> {
    if (subjectIds.length === 0) return [];
    const rows = await this.clocks.standings(workspaceId, subjectIds);
    return rows.map((row) => ({
      subjectId: row.subject_id,
      standing: row.standing,
      dueAt: row.due_at?.toISOString() ?? null,
    }));
  }

  alertingTickets(request: SlaAlertingTicketsRequest): Promise<string[]> {
    const limit = request.limit ?? MAX_SLA_ALERT_SUBJECTS;
    return this.clocks.alerting({
      workspaceId: request.workspaceId,
      subjectType: request.subjectType ?? 'ticket',
      standing: request.standing,
      dueWithinMinutes: request.dueWithinMinutes,
      limit,
    });
  }
}
