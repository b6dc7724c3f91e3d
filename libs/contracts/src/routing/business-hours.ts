import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsTimeZone,
  Matches,
  registerDecorator,
  ValidateIf,
} from 'class-validator';
import { IsEntityId } from '../common/validators';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * `["09:00", "18:00"]`: open from the first local time (included) to the second (excluded).
 * An end at or before the start runs past midnight into the next day (`["22:00", "02:00"]`).
 */
export type OpeningInterval = [string, string];

/** Opening intervals per weekday; a day missing or `[]` is closed. */
export type WeekSchedule = Partial<Record<Weekday, OpeningInterval[]>>;

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
const MAX_INTERVALS_PER_DAY = 8;
/** At most a year of holidays: with one weekly interval, open time comes within 366 weeks. */
export const MAX_HOLIDAYS = 366;

/** Minutes since local midnight of `HH:MM` (00:00–24:00), or null when it is not one. */
export function minutesOf(time: string): number | null {
  if (!TIME.test(time)) return null;
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function isOpeningInterval(value: unknown): value is OpeningInterval {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const [from, to] = value as unknown[];
  if (typeof from !== 'string' || typeof to !== 'string') return false;
  const start = minutesOf(from);
  const end = minutesOf(to);
  return start !== null && end !== null && start !== end && start !== 24 * 60;
}

/** A week with at least one opening interval, weekdays by their three-letter English names. */
function isWeekSchedule(value: unknown): value is WeekSchedule {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  const valid = entries.every(
    ([day, intervals]) =>
      (WEEKDAYS as readonly string[]).includes(day) &&
      Array.isArray(intervals) &&
      intervals.length <= MAX_INTERVALS_PER_DAY &&
      intervals.every(isOpeningInterval),
  );
  return valid && entries.some(([, intervals]) => (intervals as unknown[]).length > 0);
}

function IsWeekSchedule(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWeekSchedule',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message:
          '$property must map mon…sun to at most 8 ["HH:MM", "HH:MM"] intervals each (start ≠ end), with at least one interval in the week',
      },
      validator: { validate: isWeekSchedule },
    });
}

/** A weekly schedule in a time zone, with holidays: the hours of a workspace or a department. */
export class BusinessHoursFields {
  /** IANA name, e.g. `Asia/Shanghai`. */
  @IsTimeZone() timeZone!: string;
  @IsWeekSchedule() week!: WeekSchedule;
  /** Local dates closed all day, `YYYY-MM-DD`. */
  @IsArray()
  @ArrayMaxSize(MAX_HOLIDAYS)
  @ArrayUnique()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each of $property must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { each: true, message: 'each of $property must be a real date' })
  holidays!: string[];
}

/**
 * `routing.business-hours.set` → BusinessHoursView: the workspace's hours (`departmentId`
 * null) or one department's, which replace the workspace's for that department. Replaces what
 * was there. Used by SLA clocks in business hours, the widget's online state and routing's
 * department availability.
 */
export class SetBusinessHoursRequest extends BusinessHoursFields {
  @IsEntityId() workspaceId!: string;
  @ValidateIf((_, v) => v !== null) @IsEntityId() departmentId!: string | null;
}

/** `routing.business-hours.remove` → `{ removed }`: back to the workspace's hours (or none). */
export class RemoveBusinessHoursRequest {
  @IsEntityId() workspaceId!: string;
  @ValidateIf((_, v) => v !== null) @IsEntityId() departmentId!: string | null;
}

export interface RemoveBusinessHoursReply {
  removed: boolean;
}

export interface BusinessHoursView {
  /** null: the workspace's own hours. */
  departmentId: string | null;
  timeZone: string;
  week: WeekSchedule;
  holidays: string[];
  updatedAt: string;
}
