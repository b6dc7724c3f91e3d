import {
  addBusinessMinutes,
  businessMinutesBetween,
  type BusinessCalendar,
} from '../business-hours/business-time';
import type { SlaClock } from './sla-clock.entity';

/** The share of the target at which the clock warns. */
const WARN_AT_SHARE = 0.75;

/** The part of a clock its schedule is computed from, and what the computation sets. */
export type ClockTiming = Pick<
  SlaClock,
  | 'targetMinutes'
  | 'runningSince'
  | 'consumedMinutes'
  | 'dueAt'
  | 'warnAt'
  | 'nextAlertAt'
  | 'warnedAt'
  | 'breachedAt'
>;

/** The hours a clock counts in: the calendar for business hours, null for every minute. */
export type ClockHours = BusinessCalendar | null;

/** Target minutes the clock has used by `at` (its pauses excluded). */
export function usedMinutes(clock: ClockTiming, hours: ClockHours, at: Date): number {
  if (!clock.runningSince) return clock.consumedMinutes;
  return clock.consumedMinutes + businessMinutesBetween(hours, clock.runningSince, at);
}

/**
 * Sets `dueAt`, `warnAt` and `nextAlertAt` from what is left of the target, counted from
 * `runningSince`; a paused clock has none. A warning or breach already told stays told unless
 * the new time lies after `now` (the target grew), so it can be told again when it comes.
 */
export function schedule(clock: ClockTiming, hours: ClockHours, now: Date): void {
  if (!clock.runningSince) {
    clock.dueAt = clock.warnAt = clock.nextAlertAt = null;
    return;
  }
  const left = (share: number) => share * clock.targetMinutes - clock.consumedMinutes;
  clock.dueAt = addBusinessMinutes(hours, clock.runningSince, left(1));
  clock.warnAt = addBusinessMinutes(hours, clock.runningSince, left(WARN_AT_SHARE));
  if (clock.warnedAt && clock.warnAt > now) clock.warnedAt = null;
  if (clock.breachedAt && clock.dueAt > now) clock.breachedAt = null;
  clock.nextAlertAt = nextAlert(clock);
}

/** The earlier of the warning and the breach not told yet; null when both were. */
export function nextAlert(clock: ClockTiming): Date | null {
  const pending = [
    clock.warnedAt ? null : clock.warnAt,
    clock.breachedAt ? null : clock.dueAt,
  ].filter((at): at is Date => at !== null);
  if (pending.length === 0) return null;
  return new Date(Math.min(...pending.map((at) => at.getTime())));
}

/** Stops counting at `at`, keeping the time used; no alert comes while paused. */
export function pause(clock: ClockTiming, hours: ClockHours, at: Date): void {
  if (!clock.runningSince) return;
  clock.consumedMinutes = usedMinutes(clock, hours, at);
  clock.runningSince = null;
  clock.dueAt = clock.warnAt = clock.nextAlertAt = null;
}

/** Counts again from `at`. */
export function resume(clock: ClockTiming, hours: ClockHours, at: Date): void {
  if (clock.runningSince) return;
  clock.runningSince = at;
  schedule(clock, hours, at);
}
