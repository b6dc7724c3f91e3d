import type { SlaMetric, SlaSubject } from '@hub/contracts';
import type { Channel, Priority } from '@hub/domain';
import type { EntityManager } from 'typeorm';
import { BusinessHoursRepository } from '../business-hours/business-hours.repository';
import { addBusinessMinutes } from '../business-hours/business-time';
import { matchPolicy, targetOf } from './policy-match';
import { pause, resume, schedule, usedMinutes, type ClockHours } from './clock-schedule';
import { clockEvent, type SlaNotice } from './sla-notices';
import type { SlaClock } from './sla-clock.entity';
import { SlaClocksRepository } from './sla-clocks.repository';
import { SlaPoliciesRepository } from './sla-policies.repository';
import type { SlaPolicy } from './sla-policy.entity';

/** The ticket or conversation a clock runs for, with what its policy and alerts read. */
export interface ClockSubject {
  subjectType: SlaSubject;
  subjectId: string;
  priority: Priority;
  vip: boolean;
  categoryId: string | null;
  assigneeId: string | null;
  departmentId: string | null;
  channel: Channel | null;
}

/** How a clock ends: `done` (its target's work happened: met or breached), or `cancel`. */
type StopMode = 'done' | 'cancel';

/**
 * The SLA clocks of one workspace inside one transaction (which holds the workspace's SLA
 * lock): starts, stops, pauses and re-targets them, collecting the notices to publish after
 * the commit. Times are the events' own, so a late event counts when it happened.
 */
export class ClockBook {
  readonly notices: SlaNotice[] = [];
  private readonly clocks: SlaClocksRepository;
  private readonly hours: BusinessHoursRepository;
  private readonly policyRepository: SlaPoliciesRepository;
  private policies?: SlaPolicy[];

  constructor(
    tx: EntityManager,
    readonly workspaceId: string,
  ) {
    this.clocks = new SlaClocksRepository(tx);
    this.hours = new BusinessHoursRepository(tx);
    this.policyRepository = new SlaPoliciesRepository(tx);
  }

  open(subjectId: string): Promise<SlaClock[]> {
    return this.clocks.open(this.workspaceId, subjectId);
  }

  hadFirstResponse(subjectIds: string[]): Promise<boolean> {
    return this.clocks.hadFirstResponse(this.workspaceId, subjectIds);
  }

  latest(subjectId: string): Promise<SlaClock | null> {
    return this.clocks.latest(this.workspaceId, subjectId);
  }

  /**
   * Starts `metric` for the subject at `at` when the first matching policy has a target for
   * it and no such clock is open; `paused` starts it without counting.
   */
  async start(subject: ClockSubject, metric: SlaMetric, at: Date, paused = false): Promise<void> {
    if ((await this.open(subject.subjectId)).some((clock) => clock.metric === metric)) return;
    const policy = matchPolicy(await this.policiesOf(), subject);
    const target = policy ? targetOf(policy, metric) : null;
    if (!policy || target === null) return;
    const clock = this.clocks.create({
      workspaceId: this.workspaceId,
      ...subject,
      metric,
      policyId: policy.id,
      targetMinutes: target,
      businessHours: policy.hours === 'business',
      startedAt: at,
      runningSince: paused ? null : at,
      consumedMinutes: 0,
      warnedAt: null,
      breachedAt: null,
      stoppedAt: null,
      outcome: null,
    });
    schedule(clock, await this.hoursOf(clock), at);
    await this.clocks.save(clock);
  }

  /**
   * Stops the clock at `at`. Done: met when the target was not used up, else breached (told
   * now if the sweep has not yet). Cancelled: no longer measured (a breach told stays one).
   */
  async stop(clock: SlaClock, at: Date, mode: StopMode): Promise<void> {
    const hours = await this.hoursOf(clock);
    const used = usedMinutes(clock, hours, at);
    clock.dueAt ??= addBusinessMinutes(hours, at, clock.targetMinutes - clock.consumedMinutes);
    if (mode === 'done' && clock.breachedAt === null) {
      const met = used <= clock.targetMinutes;
      if (!met) clock.breachedAt = at;
      this.notices.push(clockEvent(clock, at, met ? 'met' : 'breached'));
    }
    clock.consumedMinutes = used;
    clock.runningSince = null;
    clock.nextAlertAt = null;
    clock.stoppedAt = at;
    clock.outcome = clock.breachedAt ? 'breached' : mode === 'done' ? 'met' : 'cancelled';
    await this.clocks.save(clock);
  }

  async pause(clock: SlaClock, at: Date): Promise<void> {
    pause(clock, await this.hoursOf(clock), at);
    await this.clocks.save(clock);
  }

  async resume(clock: SlaClock, at: Date): Promise<void> {
    resume(clock, await this.hoursOf(clock), at);
    await this.clocks.save(clock);
  }

  /**
   * Moves an open clock to another subject and its facts (a conversation joining a ticket,
   * or a ticket's priority, category, VIP, assignee or department changing): the first
   * matching policy gives the new target, the time used is kept; no target cancels it.
   */
  async retarget(clock: SlaClock, subject: ClockSubject, at: Date): Promise<void> {
    const before = await this.hoursOf(clock);
    const consumed = usedMinutes(clock, before, at);
    const policy = matchPolicy(await this.policiesOf(), subject);
    const target = policy ? targetOf(policy, clock.metric) : null;
    if (!policy || target === null) {
      await this.stop(clock, at, 'cancel');
      return;
    }
    Object.assign(clock, subject, {
      policyId: policy.id,
      targetMinutes: target,
      businessHours: policy.hours === 'business',
      consumedMinutes: consumed,
      runningSince: clock.runningSince ? at : null,
    });
    schedule(clock, await this.hoursOf(clock), at);
    await this.clocks.save(clock);
  }

  private async policiesOf(): Promise<SlaPolicy[]> {
    this.policies ??= await this.policyRepository.list(this.workspaceId);
    return this.policies;
  }

  // The department's hours, else the workspace's; every minute for calendar-time policies.
  private async hoursOf(clock: SlaClock): Promise<ClockHours> {
    if (!clock.businessHours) return null;
    return this.hours.calendarFor(this.workspaceId, clock.departmentId);
  }
}
