import { ApiProperty } from '@nestjs/swagger';
import {
  SLA_HOURS,
  SLA_METRICS,
  SLA_SUBJECTS,
  type BusinessHoursView,
  type SlaClockState,
  type SlaClockView,
  type SlaHours,
  type SlaMetric,
  type SlaPolicyView,
  type SlaSubject,
  type WeekSchedule,
} from '@hub/contracts';
import { CHANNELS, PRIORITIES, type Channel, type Priority } from '@hub/domain';

// OpenAPI schemas of the SLA views; `implements` keeps them in step with the contracts.

const NULLABLE_ID = { format: 'uuid', nullable: true, type: String } as const;
const NULLABLE_TIME = { format: 'date-time', nullable: true, type: String } as const;

export class BusinessHoursViewSchema implements BusinessHoursView {
  @ApiProperty({ ...NULLABLE_ID, description: "null: the workspace's own hours" })
  departmentId!: string | null;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ example: { mon: [['09:00', '18:00']] } }) week!: WeekSchedule;
  @ApiProperty({ type: [String] }) holidays!: string[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SlaPolicyViewSchema implements SlaPolicyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: PRIORITIES, isArray: true }) priorities!: Priority[];
  @ApiProperty({ type: [String], format: 'uuid' }) categoryIds!: string[];
  @ApiProperty({ type: Boolean, nullable: true }) vip!: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) firstResponseMinutes!: number | null;
  @ApiProperty({ type: Number, nullable: true }) nextResponseMinutes!: number | null;
  @ApiProperty({ type: Number, nullable: true }) resolutionMinutes!: number | null;
  @ApiProperty({ enum: SLA_HOURS }) hours!: SlaHours;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SlaClockViewSchema implements SlaClockView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SLA_SUBJECTS }) subjectType!: SlaSubject;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ enum: SLA_METRICS }) metric!: SlaMetric;
  @ApiProperty({ format: 'uuid' }) policyId!: string;
  @ApiProperty() targetMinutes!: number;
  @ApiProperty({ description: 'Counted in business hours (else every minute)' })
  businessHours!: boolean;
  @ApiProperty({ enum: ['running', 'paused', 'met', 'breached', 'cancelled'] })
  state!: SlaClockState;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ ...NULLABLE_TIME, description: 'null while paused or stopped' })
  dueAt!: string | null;
  @ApiProperty() consumedMinutes!: number;
  @ApiProperty(NULLABLE_TIME) warnedAt!: string | null;
  @ApiProperty(NULLABLE_TIME) breachedAt!: string | null;
  @ApiProperty(NULLABLE_TIME) stoppedAt!: string | null;
  @ApiProperty(NULLABLE_ID) assigneeId!: string | null;
  @ApiProperty(NULLABLE_ID) departmentId!: string | null;
  @ApiProperty({ enum: CHANNELS, nullable: true, type: String }) channel!: Channel | null;
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty() vip!: boolean;
}
