import { listOf } from '../form-values';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A week as typed: each day's intervals as "09:00-12:00, 13:00-18:00" (empty: closed). */
export type WeekText = Record<Weekday, string>;
type Week = Partial<Record<Weekday, readonly (readonly string[])[]>>;

export const CLOSED_WEEK: WeekText = {
  mon: '',
  tue: '',
  wed: '',
  thu: '',
  fri: '',
  sat: '',
  sun: '',
};

export function intervalsText(intervals: readonly (readonly string[])[] | undefined): string {
  return (intervals ?? []).map((interval) => interval.join('-')).join(', ');
}

export function weekText(week: Week): WeekText {
  const text = { ...CLOSED_WEEK };
  for (const day of WEEKDAYS) text[day] = intervalsText(week[day]);
  return text;
}

/**
 * The open days as the API takes them; the hub checks the times, so a malformed interval is
 * sent as typed and refused by field.
 */
export function weekOf(text: WeekText): Partial<Record<Weekday, [string, string][]>> {
  const week: Partial<Record<Weekday, [string, string][]>> = {};
  for (const day of WEEKDAYS) {
    if (text[day].trim() === '') continue;
    week[day] = listOf(text[day]).map(
      (interval) => interval.split('-').map((time) => time.trim()) as [string, string],
    );
  }
  return week;
}
