import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { compose, IsEntityId } from '../common/validators';
import type { TicketView } from '../views/ticket-view';
import { SLA_SUBJECTS, type SlaSubject } from './sla-clock-event';

/**
 * Where a ticket or conversation stands against its open SLA clocks, the worst first:
 * `breached` (a clock passed its due time), `at_risk` (one used 75 % of its target),
 * `on_track` (counting, in time), `paused` (every open clock paused, e.g. pending).
 */
export const SLA_STANDINGS = ['breached', 'at_risk', 'on_track', 'paused'] as const;
export type SlaStanding = (typeof SLA_STANDINGS)[number];

/** What a list filters by: the standings that need an agent's attention. */
export const SLA_ALERT_STANDINGS = ['breached', 'at_risk'] as const;
export type SlaAlertStanding = (typeof SLA_ALERT_STANDINGS)[number];

export const MAX_SLA_STANDING_SUBJECTS = 100;
/** The widest "due within" window a list filters by: one week, in minutes. */
export const MAX_SLA_DUE_WITHIN_MINUTES = 10_080;

/** Minutes ahead, 1 to a week: the "SLA due within" filter of the conversation and ticket lists. */
export function IsSlaDueWithin(): PropertyDecorator {
  return compose(IsInt(), Min(1), Max(MAX_SLA_DUE_WITHIN_MINUTES));
}
export const MAX_SLA_ALERT_SUBJECTS = 1_000;

/**
 * `routing.sla-clock.standings` → SlaStandingView[]: the standing of each of up to 100
 * tickets or conversations that has an open clock (the others are left out).
 */
export class SlaStandingsRequest {
  @IsEntityId() workspaceId!: string;
  @IsArray()
  @ArrayMaxSize(MAX_SLA_STANDING_SUBJECTS)
  @IsUUID('all', { each: true })
  subjectIds!: string[];
}

export interface SlaStandingView {
  subjectId: string;
  standing: SlaStanding;
  /** The soonest due time of its counting clocks; null while all are paused. */
  dueAt: string | null;
}

/**
 * `routing.sla-clock.alerting-tickets` → string[]: the ids of the workspace's tickets (or, with
 * `subjectType` conversation, conversations) that stand at `standing`, and/or whose soonest
 * counting clock falls due within the next `dueWithinMinutes` without having breached (at
 * least one of the two; at most `limit`, default and maximum 1,000, soonest due first).
 */
export class SlaAlertingTicketsRequest {
  @IsEntityId() workspaceId!: string;
  @ValidateIf((request: SlaAlertingTicketsRequest) => request.dueWithinMinutes === undefined)
  @IsIn(SLA_ALERT_STANDINGS)
  standing?: SlaAlertStanding;
  @IsOptional() @IsSlaDueWithin() dueWithinMinutes?: number;
  @IsOptional() @IsIn(SLA_SUBJECTS) subjectType?: SlaSubject;
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SLA_ALERT_SUBJECTS)
  limit?: number;
}

/** A ticket as `GET /api/v1/tickets` lists it: with its SLA standing (null: no clock open). */
export type SlaTicketView = TicketView & { sla: Omit<SlaStandingView, 'subjectId'> | null };

export interface SlaTicketPage {
  items: SlaTicketView[];
  nextCursor: string | null;
}
