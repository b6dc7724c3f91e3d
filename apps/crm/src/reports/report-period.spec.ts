import { DomainException } from '@hub/service-kit';
import { checkReportPeriod } from './report-period';

function codeOf(from: string, to: string): string | undefined {
  try {
    checkReportPeriod({ from, to });
    return undefined;
  } catch (error) {
    return error instanceof DomainException ? error.code : 'not a domain error';
  }
}

describe('checkReportPeriod', () => {
  it('accepts a day, a month and exactly one year', () => {
    expect(codeOf('2026-03-01', '2026-03-02')).toBeUndefined();
    expect(codeOf('2026-02-01', '2026-03-01')).toBeUndefined();
    expect(codeOf('2026-03-01', '2027-03-01')).toBeUndefined();
  });

  it('refuses a period one day longer than a year', () => {
    expect(codeOf('2026-03-01', '2027-03-02')).toBe('REPORT_PERIOD_TOO_LONG');
    expect(codeOf('2024-02-29', '2025-03-02')).toBe('REPORT_PERIOD_TOO_LONG');
  });

  it('refuses an empty or reversed period and dates that do not exist', () => {
    expect(codeOf('2026-03-01', '2026-03-01')).toBe('REPORT_PERIOD_INVALID');
    expect(codeOf('2026-03-02', '2026-03-01')).toBe('REPORT_PERIOD_INVALID');
    expect(codeOf('2026-02-30', '2026-03-10')).toBe('REPORT_PERIOD_INVALID');
  });
});
