const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A calendar date with no time zone: `{ year: 2026, month: 3, day: 8 }` (month from 1). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// One formatter per zone: building one costs far more than using it.
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in `timeZone` at `instant`, as milliseconds of a UTC-less clock. */
function wallClockMs(instant: number, timeZone: string): number {
  const parts = formatterOf(timeZone).formatToParts(new Date(instant));
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return wall + (((instant % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at `instant` (Intl knows every DST rule: no tables here). */
function offsetAt(instant: number, timeZone: string): number {
  return wallClockMs(instant, timeZone) - instant;
}

/** The local date at `instant` in `timeZone`. */
export function localDateAt(instant: number, timeZone: string): LocalDate {
  const wall = new Date(wallClockMs(instant, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** `date` moved by `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 for Monday ... 6 for Sunday. */
export function weekdayIndex(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

/** `2026-03-08`. */
export function isoDate(date: LocalDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * The instant a wall clock in `timeZone` reads `minutes` after midnight of `date` (1440 is the
 * next midnight). As Temporal's "compatible" choice: a time skipped by a spring-forward gap is
 * read with the offset before the gap (02:30 becomes 03:30), a time repeated by a fall-back is
 * the first of the two.
 */
export function instantOf(date: LocalDate, minutes: number, timeZone: string): number {
  const midnight = Date.UTC(date.year, date.month - 1, date.day);
  const wall = midnight + minutes * MINUTE_MS;
  const steady = steadyOffsetOn(midnight, timeZone);
  if (steady !== null) return wall - steady;
  // The offsets a day either side: a zone changes offset at most once in two days.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter(
    (instant) => wallClockMs(instant, timeZone) === wall,
  );
  if (candidates.length === 0) return wall - before;
  return Math.min(...candidates);
}

const steadyOffsets = new Map<string, number | null>();
const STEADY_OFFSETS_KEPT = 20_000;

// The zone's offset throughout the local day starting at `midnight` (as a UTC-less wall clock)
// when it does not change from the day before to the day after; null around a change. Kept,
// as business days are walked over and over.
function steadyOffsetOn(midnight: number, timeZone: string): number | null {
  const key = `${timeZone}:${midnight}`;
  const known = steadyOffsets.get(key);
  if (known !== undefined) return known;
  const before = offsetAt(midnight - DAY_MS, timeZone);
  const after = offsetAt(midnight + 2 * DAY_MS, timeZone);
  const steady = before === after ? before : null;
  if (steadyOffsets.size >= STEADY_OFFSETS_KEPT) steadyOffsets.clear();
  steadyOffsets.set(key, steady);
  return steady;
}
