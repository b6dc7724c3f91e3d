import { minutesOf, WEEKDAYS, type WeekSchedule } from '@hub/contracts';
import { addDays, instantOf, isoDate, localDateAt, weekdayIndex } from './zoned-time';

/** When a workspace or department is open: a weekly schedule in a zone, minus holidays. */
export interface BusinessCalendar {
  /** IANA name, e.g. `Asia/Tokyo`. */
  timeZone: string;
  week: WeekSchedule;
  /** Local dates (`YYYY-MM-DD`) closed all day, whatever shift they fall in. */
  holidays: string[];
}

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
// Validation keeps at least one weekly interval and at most MAX_HOLIDAYS, so open time always
// comes within 366 weeks; the horizon only stops a loop on a calendar that bypassed it.
const HORIZON_DAYS = 8 * 366;

/** Each weekday's open minutes `[from, to)` on its own date, overnight intervals split. */
function dailyPieces(week: WeekSchedule): [number, number][][] {
  const pieces: [number, number][][] = WEEKDAYS.map(() => []);
  WEEKDAYS.forEach((day, index) => {
    for (const [from, to] of week[day] ?? []) {
      const start = minutesOf(from);
      const end = minutesOf(to);
      if (start === null || end === null) continue;
      if (end > start) {
        pieces[index].push([start, end]);
      } else {
        pieces[index].push([start, DAY_MINUTES]);
        if (end > 0) pieces[(index + 1) % 7].push([0, end]);
      }
    }
  });
  return pieces.map(merged);
}

// Overlapping or touching intervals of one day count once.
function merged(day: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of [...day].sort(([a], [b]) => a - b)) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** The open windows `[start, end)` (epoch ms) that end after `from`, in order. */
function* openWindows(calendar: BusinessCalendar, from: number): Generator<[number, number]> {
  const pieces = dailyPieces(calendar.week);
  const holidays = new Set(calendar.holidays);
  // From the day before: the zone's date at `from` may differ from the window's by DST.
  const first = addDays(localDateAt(from, calendar.timeZone), -1);
  for (let offset = 0; offset <= HORIZON_DAYS; offset++) {
    const date = addDays(first, offset);
    if (holidays.has(isoDate(date))) continue;
    for (const [startMinute, endMinute] of pieces[weekdayIndex(date)]) {
      const start = instantOf(date, startMinute, calendar.timeZone);
      const end = instantOf(date, endMinute, calendar.timeZone);
      if (end > from && end > start) yield [start, end];
    }
  }
  throw new Error('the business calendar has no open time within its horizon');
}

/** Whether the calendar is open at `at`; with no calendar, always. */
export function isOpenAt(calendar: BusinessCalendar | null, at: Date): boolean {
  if (!calendar) return true;
  const instant = at.getTime();
  for (const [start] of openWindows(calendar, instant)) return start <= instant;
  return false;
}

/**
 * The instant `minutes` of open time after `from`: calendar time with no calendar. Only real
 * elapsed time counts, so a window shortened or lengthened by a DST change counts as it lasted.
 */
export function addBusinessMinutes(
  calendar: BusinessCalendar | null,
  from: Date,
  minutes: number,
): Date {
  let remaining = minutes * MINUTE_MS;
  const start = from.getTime();
  if (!calendar || remaining <= 0) return new Date(start + Math.max(remaining, 0));
  for (const [open, close] of openWindows(calendar, start)) {
    const begin = Math.max(open, start);
    if (close - begin >= remaining) return new Date(begin + remaining);
    remaining -= close - begin;
  }
  throw new Error('unreachable: openWindows ends by throwing');
}

/** Open minutes (fractional) between `from` and `to`; 0 when `to` is not after `from`. */
export function businessMinutesBetween(
  calendar: BusinessCalendar | null,
  from: Date,
  to: Date,
): number {
  const [start, end] = [from.getTime(), to.getTime()];
  if (end <= start) return 0;
  if (!calendar) return (end - start) / MINUTE_MS;
  let open = 0;
  for (const [windowStart, windowEnd] of openWindows(calendar, start)) {
    if (windowStart >= end) break;
    open += Math.min(windowEnd, end) - Math.max(windowStart, start);
  }
  return open / MINUTE_MS;
}
