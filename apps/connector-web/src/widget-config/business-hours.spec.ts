import { isIanaTimeZone as isTimeZone, isOpeningInterval } from '@hub/contracts';
import { isWithinBusinessHours } from './business-hours';
import type { BusinessHours } from './business-hours';

const tokyoOffice: BusinessHours = {
  timeZone: 'Asia/Tokyo',
  week: {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ],
    sat: [],
    sun: [],
  },
};

describe('isWithinBusinessHours', () => {
  it('is open inside an interval of the local weekday and closed outside', () => {
    // Monday 2026-11-30 10:00 in Tokyo is 01:00 UTC.
    expect(isWithinBusinessHours(tokyoOffice, new Date('2026-11-30T01:00:00Z'))).toBe(true);
    // 12:30 Tokyo: the lunch break.
    expect(isWithinBusinessHours(tokyoOffice, new Date('2026-11-30T03:30:00Z'))).toBe(false);
    // 08:59 Tokyo.
    expect(isWithinBusinessHours(tokyoOffice, new Date('2026-11-29T23:59:00Z'))).toBe(false);
  });

  it('includes the opening minute and excludes the closing one', () => {
    expect(isWithinBusinessHours(tokyoOffice, new Date('2026-11-30T00:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(tokyoOffice, new Date('2026-11-30T09:00:00Z'))).toBe(false);
  });

  it('uses the weekday in the inbox time zone, not in UTC', () => {
    const losAngeles: BusinessHours = {
      timeZone: 'America/Los_Angeles',
      week: { mon: [['09:00', '18:00']] },
    };
    // Tuesday 2026-12-01 01:00 UTC is still Monday 17:00 in Los Angeles.
    expect(isWithinBusinessHours(losAngeles, new Date('2026-12-01T01:00:00Z'))).toBe(true);
    // Monday 2026-11-30 08:00 UTC is Monday 00:00 there: before opening.
    expect(isWithinBusinessHours(losAngeles, new Date('2026-11-30T08:00:00Z'))).toBe(false);
  });

  it('treats a day that is missing or empty as closed', () => {
    // Tuesday is not in the week at all; Saturday is [].
    expect(isWithinBusinessHours(tokyoOffice, new Date('2026-12-01T01:00:00Z'))).toBe(false);
    expect(isWithinBusinessHours(tokyoOffice, new Date('2026-12-05T01:00:00Z'))).toBe(false);
  });

  it('follows daylight saving time: 09:00 in New York is 14:00 UTC in winter, 13:00 UTC in summer', () => {
    const newYork: BusinessHours = {
      timeZone: 'America/New_York',
      week: { mon: [['09:00', '17:00']], sun: [['09:00', '17:00']] },
    };
    // Monday 2026-01-05 (EST, UTC-5) and Monday 2026-07-06 (EDT, UTC-4).
    expect(isWithinBusinessHours(newYork, new Date('2026-01-05T13:30:00Z'))).toBe(false);
    expect(isWithinBusinessHours(newYork, new Date('2026-01-05T14:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(newYork, new Date('2026-07-06T13:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(newYork, new Date('2026-07-06T21:00:00Z'))).toBe(false);
    // Sunday 2026-03-08, the day clocks jump from 02:00 to 03:00: 09:00 EDT is 13:00 UTC.
    expect(isWithinBusinessHours(newYork, new Date('2026-03-08T12:59:00Z'))).toBe(false);
    expect(isWithinBusinessHours(newYork, new Date('2026-03-08T13:00:00Z'))).toBe(true);
  });

  it('is open until midnight with a 24:00 close', () => {
    const lateShift: BusinessHours = { timeZone: 'UTC', week: { mon: [['18:00', '24:00']] } };

    expect(isWithinBusinessHours(lateShift, new Date('2026-11-30T23:59:00Z'))).toBe(true);
    expect(isWithinBusinessHours(lateShift, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });
});

describe('opening hours validation', () => {
  it('accepts HH:MM intervals that start before they end', () => {
    expect(isOpeningInterval(['09:00', '18:00'])).toBe(true);
    expect(isOpeningInterval(['00:00', '24:00'])).toBe(true);
  });

  it('refuses reversed, empty, malformed or overnight intervals', () => {
    for (const bad of [
      ['18:00', '09:00'],
      ['09:00', '09:00'],
      ['9:00', '18:00'],
      ['22:00', '02:00'],
      ['09:00'],
      'x',
      null,
    ]) {
      expect(isOpeningInterval(bad)).toBe(false);
    }
  });

  it('knows IANA time zones and refuses anything else', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
