import { AgentRole } from '@hub/domain';
import { IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { queryRows } from '../sql';
import { SlaClock } from './sla-clock.entity';

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
