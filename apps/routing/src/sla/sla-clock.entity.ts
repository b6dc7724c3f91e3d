import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SlaMetric, SlaSubject } from '@hub/contracts';
import type { Channel, Priority } from '@hub/domain';

/** How a stopped clock ended: its work done in time, too late, or no longer measured. */
export type SlaOutcome = 'met' | 'breached' | 'cancelled';

// One target on one ticket or conversation. Running: `runningSince` set, `dueAt`/`warnAt`
// computed from what is left of the target; paused: `runningSince` null, the time used kept
// in `consumedMinutes`; stopped: `stoppedAt` and `outcome` set. `nextAlertAt` is when the
// sweep has something to say (a warning or a breach not yet told), null when nothing is left.
@Entity({ schema: 'routing', name: 'sla_clocks' })
@Index('uq_sla_clocks_open', ['subjectId', 'metric'], {
  unique: true,
  where: 'stopped_at IS NULL',
})
@Index('ix_sla_clocks_subject', ['subjectId'])
@Index('ix_sla_clocks_next_alert', ['nextAlertAt'], { where: 'next_alert_at IS NOT NULL' })
@Check('ck_sla_clocks_subject_type', `subject_type in ('ticket', 'conversation')`)
@Check('ck_sla_clocks_metric', `metric in ('first_response', 'next_response', 'resolution')`)
@Check('ck_sla_clocks_outcome', `outcome in ('met', 'breached', 'cancelled')`)
@Check('ck_sla_clocks_stopped', '(stopped_at is null) = (outcome is null)')
export class SlaClock {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_sla_clocks' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: SlaSubject;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ name: 'metric', type: 'text' })
  metric!: SlaMetric;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  @Column({ name: 'target_minutes', type: 'integer' })
  targetMinutes!: number;

  /** Counted in business hours (else calendar time). */
  @Column({ name: 'business_hours', type: 'boolean' })
  businessHours!: boolean;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'running_since', type: 'timestamptz', nullable: true })
  runningSince!: Date | null;

  /** Target minutes used before `runningSince` (pauses do not count). */
  @Column({ name: 'consumed_minutes', type: 'double precision', default: 0 })
  consumedMinutes!: number;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'warn_at', type: 'timestamptz', nullable: true })
  warnAt!: Date | null;

  @Column({ name: 'next_alert_at', type: 'timestamptz', nullable: true })
  nextAlertAt!: Date | null;

  @Column({ name: 'warned_at', type: 'timestamptz', nullable: true })
  warnedAt!: Date | null;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt!: Date | null;

  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt!: Date | null;

  @Column({ name: 'outcome', type: 'text', nullable: true })
  outcome!: SlaOutcome | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ name: 'channel', type: 'text', nullable: true })
  channel!: Channel | null;

  @Column({ name: 'priority', type: 'text' })
  priority!: Priority;

  @Column({ name: 'vip', type: 'boolean' })
  vip!: boolean;

  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId!: string | null;
}
