import { MAX_REPORT_PERIOD_YEARS, type ReportPeriod } from '@hub/contracts';
import { ReportError } from './report.exception';

/**
 * Checks a period of local dates: real dates, `to` after `from`, and at most a year apart
 * (2026-03-01 to 2027-03-01 is the longest from March 1st). Dates compare as calendar dates,
 * so the time zone plays no part here.
 */
export function checkReportPeriod({ from, to }: Pick<ReportPeriod, 'from' | 'to'>): void {
  const start = calendarDate(from);
  const end = calendarDate(to);
  if (start === undefined || end === undefined || end <= start) {
    throw ReportError.periodInvalid(from, to);
  }
  const latestEnd = new Date(start);
  latestEnd.setUTCFullYear(latestEnd.getUTCFullYear() + MAX_REPORT_PERIOD_YEARS);
  if (end > latestEnd.getTime()) throw ReportError.periodTooLong(from, to);
}

// Epoch ms of a `YYYY-MM-DD` date, or undefined for one that does not exist (2026-02-30).
function calendarDate(date: string): number | undefined {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) return undefined;
  return time;
}
