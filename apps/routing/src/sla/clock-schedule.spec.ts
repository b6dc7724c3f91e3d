import type { BusinessCalendar } from '../business-hours/business-time';
import { pause, resume, schedule, usedMinutes, type ClockTiming } from './clock-schedule';

const at = (iso: string) => new Date(iso);
const office: BusinessCalendar = {
  timeZone: 'UTC',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] },
  holidays: [],
};

function running(since: string, targetMinutes: number): ClockTiming {
  return {
    targetMinutes,
    runningSince: at(since),
    consumedMinutes: 0,
    dueAt: null,
    warnAt: null,
    nextAlertAt: null,
    warnedAt: null,
    breachedAt: null,
  };
}

describe('an SLA clock’s schedule', () => {
  it('warns at 75 % of the target and is due at 100 %, in open time only', () => {
    // Monday 30 Nov 16:00: one open hour today, the rest on Tuesday.
    const clock = running('2026-11-30T16:00:00Z', 120);
    schedule(clock, office, at('2026-11-30T16:00:00Z'));
    expect(clock.warnAt).toEqual(at('2026-12-01T09:30:00Z'));
    expect(clock.dueAt).toEqual(at('2026-12-01T10:00:00Z'));
    expect(clock.nextAlertAt).toEqual(clock.warnAt);
  });

  it('keeps the time used over a pause and counts on from the resumption', () => {
    const clock = running('2026-11-30T09:00:00Z', 120);
    schedule(clock, null, at('2026-11-30T09:00:00Z'));
    pause(clock, null, at('2026-11-30T10:00:00Z'));
    expect(clock).toMatchObject({ consumedMinutes: 60, dueAt: null, nextAlertAt: null });
    expect(usedMinutes(clock, null, at('2026-11-30T15:00:00Z'))).toBe(60);

    resume(clock, null, at('2026-11-30T15:00:00Z'));
    expect(clock.dueAt).toEqual(at('2026-11-30T16:00:00Z'));
    expect(usedMinutes(clock, null, at('2026-11-30T15:30:00Z'))).toBe(90);
  });

  it('forgets a warning already told when a larger target moves it into the future', () => {
    const clock = running('2026-11-30T09:00:00Z', 60);
    schedule(clock, null, at('2026-11-30T09:00:00Z'));
    clock.warnedAt = at('2026-11-30T09:45:00Z');
    clock.targetMinutes = 240;
    schedule(clock, null, at('2026-11-30T09:50:00Z'));
    expect(clock.warnedAt).toBeNull();
    expect(clock.nextAlertAt).toEqual(at('2026-11-30T12:00:00Z'));
  });

  it('has nothing left to tell once warned and breached', () => {
    const clock = running('2026-11-30T09:00:00Z', 60);
    schedule(clock, null, at('2026-11-30T09:00:00Z'));
    clock.warnedAt = at('2026-11-30T09:45:00Z');
    clock.breachedAt = at('2026-11-30T10:00:00Z');
    schedule(clock, null, at('2026-11-30T10:30:00Z'));
    expect(clock.nextAlertAt).toBeNull();
  });
});
