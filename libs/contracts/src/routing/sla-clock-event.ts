import { IsBoolean, IsIn, IsISO8601, IsString, ValidateIf } from 'class-validator';
import { CHANNELS, PRIORITIES, type Channel, type Priority } from '@hub/domain';
import { IsEntityId } from '../common/validators';

/** What an SLA clock measures. */
export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** What a clock runs for: a ticket or a conversation. */
export const SLA_SUBJECTS = ['ticket', 'conversation'] as const;
export type SlaSubject = (typeof SLA_SUBJECTS)[number];

/**
 * `evt.routing.sla.warned.v1` (75 % of the target used), `evt.routing.sla.breached.v1` and
 * `evt.routing.sla.met.v1` (the clock stopped in time): one fact about one SLA clock, written
 * through routing's outbox; `eventId` is the `Nats-Msg-Id`.
 */
export class SlaClockEvent {
  @IsString() eventId!: string;
  @IsEntityId() workspaceId!: string;
  @IsISO8601() occurredAt!: string;
  @IsEntityId() clockId!: string;
  @IsEntityId() policyId!: string;
  @IsIn(SLA_METRICS) metric!: SlaMetric;
  @IsIn(SLA_SUBJECTS) subjectType!: SlaSubject;
  @IsEntityId() subjectId!: string;
  @ValidateIf((_, v) => v !== null) @IsEntityId() assigneeId!: string | null;
  @ValidateIf((_, v) => v !== null) @IsEntityId() departmentId!: string | null;
  @ValidateIf((_, v) => v !== null) @IsIn(CHANNELS) channel!: Channel | null;
  @IsIn(PRIORITIES) priority!: Priority;
  @IsBoolean() vip!: boolean;
  /** When the target falls due (business or calendar time, as the policy says). */
  @IsISO8601() dueAt!: string;
}
