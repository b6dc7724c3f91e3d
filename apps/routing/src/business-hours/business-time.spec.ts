import {
  addBusinessMinutes,
  businessMinutesBetween,
  isOpenAt,
  type BusinessCalendar,
} from './business-time';

const weekdays = (from: string, to: string): BusinessCalendar['week'] => ({
  mon: [[from, to]],
  tue: [[from, to]],
  wed: [[from, to]],
  thu: [[from, to]],
  fri: [[from, to]],
});

const tokyoOffice: BusinessCalendar = {
  timeZone: 'Asia/Tokyo',
  week: weekdays('09:00', '18:00'),
  holidays: [],
};

const at = (iso: string) => new Date(iso);

describe('business time', () => {
  it('counts every minute when there is no business calendar', () => {
    expect(addBusinessMinutes(null, at('2026-11-28T10:00:00Z'), 90)).toEqual(
      at('2026-11-28T11:30:00Z'),
    );
    expect(
      businessMinutesBetween(null, at('2026-11-28T10:00:00Z'), at('2026-11-29T10:00:00Z')),
    ).toBe(1440);
  });

  it('carries what is left at Friday closing over the weekend to Monday morning', () => {
    // Friday 17:30 in Tokyo (08:30 UTC): 30 minutes on Friday, 30 on Monday from 09:00.
    expect(addBusinessMinutes(tokyoOffice, at('2026-11-27T08:30:00Z'), 60)).toEqual(
      at('2026-11-30T00:30:00Z'),
    );
    expect(
      businessMinutesBetween(tokyoOffice, at('2026-11-27T08:30:00Z'), at('2026-11-30T00:30:00Z')),
    ).toBe(60);
  });

  it('starts counting at opening time when added outside hours', () => {
    // Saturday noon Tokyo: nothing until Monday 09:00.
    expect(addBusinessMinutes(tokyoOffice, at('2026-11-28T03:00:00Z'), 15)).toEqual(
      at('2026-11-30T00:15:00Z'),
    );
    expect(isOpenAt(tokyoOffice, at('2026-11-28T03:00:00Z'))).toBe(false);
    expect(isOpenAt(tokyoOffice, at('2026-11-30T00:00:00Z'))).toBe(true);
    expect(isOpenAt(tokyoOffice, at('2026-11-30T09:00:00Z'))).toBe(false);
  });

  it('skips a holiday in the calendar’s own zone', () => {
    const withHoliday = { ...tokyoOffice, holidays: ['2026-11-30'] };
    expect(addBusinessMinutes(withHoliday, at('2026-11-27T08:30:00Z'), 60)).toEqual(
      at('2026-12-01T00:30:00Z'),
    );
    expect(isOpenAt(withHoliday, at('2026-11-30T01:00:00Z'))).toBe(false);
    expect(
      businessMinutesBetween(withHoliday, at('2026-11-27T00:00:00Z'), at('2026-12-02T00:00:00Z')),
    ).toBe(9 * 60 * 2);
  });

  it('runs a shift past midnight into the next day', () => {
    const nights: BusinessCalendar = {
      timeZone: 'Europe/London',
      week: { mon: [['22:00', '02:00']] },
      holidays: [],
    };
    // Monday 30 Nov 23:00 London = UTC.
    const monday = at('2026-11-30T23:00:00Z');
    expect(addBusinessMinutes(nights, monday, 120)).toEqual(at('2026-12-01T01:00:00Z'));
    expect(addBusinessMinutes(nights, monday, 180)).toEqual(at('2026-12-01T02:00:00Z'));
    // 180 minutes this week, the remaining 20 from next Monday 22:00.
    expect(addBusinessMinutes(nights, monday, 200)).toEqual(at('2026-12-07T22:20:00Z'));
    expect(isOpenAt(nights, at('2026-12-01T01:59:00Z'))).toBe(true);
    expect(isOpenAt(nights, at('2026-12-01T02:00:00Z'))).toBe(false);
  });

  it('closes the after-midnight part of a shift when that date is a holiday', () => {
    const nights: BusinessCalendar = {
      timeZone: 'Europe/London',
      week: { mon: [['22:00', '02:00']] },
      holidays: ['2026-12-01'],
    };
    expect(addBusinessMinutes(nights, at('2026-11-30T23:00:00Z'), 120)).toEqual(
      at('2026-12-07T23:00:00Z'),
    );
  });

  it('counts the real length of a day shortened by the spring-forward change', () => {
    const earlyHours: BusinessCalendar = {
      timeZone: 'America/New_York',
      week: { sun: [['00:00', '06:00']] },
      holidays: [],
    };
    // Sunday 8 March 2026: 02:00 does not happen, so 00:00–06:00 lasts five hours.
    expect(
      businessMinutesBetween(earlyHours, at('2026-03-07T12:00:00Z'), at('2026-03-09T00:00:00Z')),
    ).toBe(300);
    // 00:00 EST is 05:00 UTC; four hours later it is 05:00 EDT, 09:00 UTC.
    expect(addBusinessMinutes(earlyHours, at('2026-03-08T05:00:00Z'), 240)).toEqual(
      at('2026-03-08T09:00:00Z'),
    );
  });

  it('counts the real length of a day lengthened by the fall-back change', () => {
    const earlyHours: BusinessCalendar = {
      timeZone: 'America/New_York',
      week: { sun: [['00:00', '06:00']] },
      holidays: [],
    };
    // Sunday 1 November 2026: 01:00–02:00 happens twice, so 00:00–06:00 lasts seven hours.
    expect(
      businessMinutesBetween(earlyHours, at('2026-10-31T12:00:00Z'), at('2026-11-02T00:00:00Z')),
    ).toBe(420);
    expect(addBusinessMinutes(earlyHours, at('2026-11-01T04:00:00Z'), 420)).toEqual(
      at('2026-11-01T11:00:00Z'),
    );
  });

  it('reads the same instant in each calendar’s own zone', () => {
    const newYork = { ...tokyoOffice, timeZone: 'America/New_York' };
    // Monday 30 Nov 14:00 UTC: 23:00 in Tokyo (closed), 09:00 in New York (open).
    expect(isOpenAt(tokyoOffice, at('2026-11-30T14:00:00Z'))).toBe(false);
    expect(isOpenAt(newYork, at('2026-11-30T14:00:00Z'))).toBe(true);
    expect(addBusinessMinutes(newYork, at('2026-11-30T13:00:00Z'), 30)).toEqual(
      at('2026-11-30T14:30:00Z'),
    );
  });

  it('gives back the minutes it added, across weeks, holidays and zones', () => {
    const calendars: BusinessCalendar[] = [
      { ...tokyoOffice, holidays: ['2026-12-24', '2026-12-25'] },
      { timeZone: 'America/Los_Angeles', week: weekdays('20:00', '04:30'), holidays: [] },
      { timeZone: 'Australia/Lord_Howe', week: { sun: [['01:00', '03:00']] }, holidays: [] },
    ];
    for (const calendar of calendars) {
      for (const minutes of [1, 59, 540, 2_000, 10_000]) {
        const from = at('2026-03-01T07:13:00Z');
        const due = addBusinessMinutes(calendar, from, minutes);
        expect(businessMinutesBetween(calendar, from, due)).toBeCloseTo(minutes, 6);
      }
    }
  });
});
