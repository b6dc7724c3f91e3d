import { minutesOf, WEEKDAYS, type Weekday } from '@hub/contracts';

export { WEEKDAYS };

/** `["09:00", "18:00"]`: from the first time (included) to the second (excluded), local time. */
export type OpeningInterval = [string, string];

/**
 * An inbox's opening hours, in the inbox's time zone (IANA name). A day missing or `[]` is
 * closed. An interval never crosses midnight: night hours are two intervals on two days
 * (`"22:00"–"24:00"` and `"00:00"–"02:00"`).
 */
export interface BusinessHours {
  timeZone: string;
  week: Partial<Record<Weekday, OpeningInterval[]>>;
}

/** True for an interval of two valid times, the first before the second. */
export function isOpeningInterval(value: unknown): value is OpeningInterval {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const [from, to] = value as unknown[];
  if (typeof from !== 'string' || typeof to !== 'string') return false;
  const start = minutesOf(from);
  const end = minutesOf(to);
  return start !== null && end !== null && start < end;
}

/** True for an IANA time zone name Intl knows. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    // RangeError: Intl does not know the zone; that is the answer.
    return false;
  }
}

// Intl gives the wall-clock time in the zone at that instant, DST included: no offset math.
function localWeekdayAndMinutes(at: Date, timeZone: string): { day: Weekday; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  const day = part('weekday').toLowerCase().slice(0, 3) as Weekday;
  return { day, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** Whether `at` falls in one of the opening intervals of its local weekday. */
export function isWithinBusinessHours(hours: BusinessHours, at: Date): boolean {
  const { day, minutes } = localWeekdayAndMinutes(at, hours.timeZone);
  return (hours.week[day] ?? []).some(([from, to]) => {
    const start = minutesOf(from);
    const end = minutesOf(to);
    return start !== null && end !== null && minutes >= start && minutes < end;
  });
}
