import { minutesOf, type WidgetBusinessHours, type Weekday } from '@hub/contracts';

/** An inbox's own opening hours (see WidgetBusinessHours in @hub/contracts). */
export type BusinessHours = WidgetBusinessHours;

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
