import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { sqlIn } from '@hub/persistence';

export const SLA_OUTCOMES = ['warned', 'breached', 'met'] as const;
export type SlaOutcome = (typeof SLA_OUTCOMES)[number];

// One row per SLA clock event, keyed by its event id; attainment is read per clock from them.
@Entity({ schema: 'reporting', name: 'sla_events' })
@Index('ix_sla_events_workspace', ['workspaceId', 'occurredAt'])
@Index('ix_sla_events_clock', ['clockId'])
@Check('ck_sla_events_outcome', sqlIn('outcome', SLA_OUTCOMES))
export class SlaEventFact {
  @PrimaryColumn({ name: 'event_id', type: 'text', primaryKeyConstraintName: 'pk_sla_events' })
  eventId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'clock_id', type: 'uuid' })
  clockId!: string;

  @Column({ name: 'outcome', type: 'text' })
  outcome!: SlaOutcome;

  @Column({ name: 'metric', type: 'text' })
  metric!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  agentId!: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ name: 'channel', type: 'text', nullable: true })
  channel!: string | null;
}
