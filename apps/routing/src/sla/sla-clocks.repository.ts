import type { SlaAlertStanding, SlaStanding, SlaSubject } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { queryRows } from '../sql';
import { SlaClock } from './sla-clock.entity';

export interface StandingRow {
  subject_id: string;
  standing: SlaStanding;
  due_at: Date | null;
}

// The worst of a subject's open clocks: passed its due time, used 75 %, counting, or all paused.
// Due and warn times are compared with now() as well as the sweep's stamps, so a standing is
// right before the sweep has told it.
const STANDINGS_SQL = `
  select subject_id,
         case
           when bool_or(breached_at is not null or (running_since is not null and due_at <= now()))
             then 'breached'
           when bool_or(warned_at is not null or (running_since is not null and warn_at <= now()))
             then 'at_risk'
           when bool_or(running_since is not null) then 'on_track'
           else 'paused'
         end as standing,
         min(due_at) filter (where running_since is not null) as due_at
    from routing.sla_clocks
   where workspace_id = $1 and stopped_at is null`;

/** Every read and write of `routing.sla_clocks`; writes run in the caller's transaction. */
export class SlaClocksRepository {
  constructor(private readonly db: EntityManager) {}

  /** The clocks of one ticket or conversation still counting or paused, locked. */
  open(workspaceId: string, subjectId: string): Promise<SlaClock[]> {
    return this.db.find(SlaClock, {
      where: { workspaceId, subjectId, stoppedAt: IsNull() },
      order: { startedAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Whether any of the subjects ever had a first-response clock (it was answered or is due). */
  async hadFirstResponse(workspaceId: string, subjectIds: string[]): Promise<boolean> {
    const rows = await queryRows(
      this.db,
      `select 1 from routing.sla_clocks
        where workspace_id = $1 and subject_id = any($2::uuid[]) and metric = 'first_response'
        limit 1`,
      [workspaceId, subjectIds],
    );
    return rows.length > 0;
  }

  /** The newest clock of a subject, for the context (assignee, department, channel) it holds. */
  latest(workspaceId: string, subjectId: string): Promise<SlaClock | null> {
    return this.db.findOne(SlaClock, {
      where: { workspaceId, subjectId },
      order: { startedAt: 'DESC' },
    });
  }

  save(clock: SlaClock): Promise<SlaClock> {
    return this.db.save(SlaClock, clock);
  }

  create(fields: Partial<SlaClock>): SlaClock {
    return this.db.create(SlaClock, fields);
  }

  /**
   * Clocks with a warning or breach due by `now`, locked; rows another replica's sweep holds
   * are skipped, so replicas share the sweep and never tell one alert twice.
   */
  claimAlerts(now: Date, limit: number): Promise<SlaClock[]> {
    return this.db.find(SlaClock, {
      where: { nextAlertAt: LessThanOrEqual(now) },
      order: { nextAlertAt: 'ASC' },
      take: limit,
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
  }

  /** Every clock of a subject, newest first. */
  list(workspaceId: string, subjectId: string): Promise<SlaClock[]> {
    return this.db.find(SlaClock, {
      where: { workspaceId, subjectId },
      order: { startedAt: 'DESC', id: 'ASC' },
    });
  }

  /** Each subject's standing against its open clocks (subjects without one are left out). */
  standings(workspaceId: string, subjectIds: string[]): Promise<StandingRow[]> {
    return queryRows<StandingRow>(
      this.db,
      `${STANDINGS_SQL} and subject_id = any($2::uuid[]) group by subject_id`,
      [workspaceId, subjectIds],
    );
  }

  /**
   * Tickets or conversations standing at `standing` and/or falling due within the next
   * `dueWithinMinutes` (not breached: a breached one is already past due), soonest due first.
   */
  async alerting(query: {
    workspaceId: string;
    subjectType: SlaSubject;
    standing?: SlaAlertStanding;
    dueWithinMinutes?: number;
    limit: number;
  }): Promise<string[]> {
    const rows = await queryRows<StandingRow>(
      this.db,
      `select * from (${STANDINGS_SQL} and subject_type = $4 group by subject_id) s
        where ($2::text is null or standing = $2)
          and ($5::int is null
               or (standing <> 'breached' and due_at <= now() + make_interval(mins => $5::int)))
        order by due_at nulls last, subject_id limit $3`,
      [
        query.workspaceId,
        query.standing ?? null,
        query.limit,
        query.subjectType,
        query.dueWithinMinutes ?? null,
      ],
    );
    return rows.map((row) => row.subject_id);
  }

  /** The active supervisors and admins of the workspace: who hears of every alert. */
  async supervisors(workspaceId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      `select id from routing.agents
        where workspace_id = $1 and active and role = any($2::text[])`,
      [workspaceId, [AgentRole.Supervisor, AgentRole.Admin]],
    );
    return rows.map((row) => row.id);
  }
}
