import { CLOSED_WEEK, weekOf, weekText } from './week-hours';

describe('week hours as typed', () => {
  it('reads each open day as intervals and leaves closed days out', () => {
    expect(
      weekOf({ ...CLOSED_WEEK, mon: '09:00-12:00, 13:00 - 18:00', sat: '10:00-14:00\n' }),
    ).toEqual({
      mon: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      sat: [['10:00', '14:00']],
    });
  });

  it('sends a malformed interval as typed, for the hub to refuse by field', () => {
    expect(weekOf({ ...CLOSED_WEEK, tue: '9am' })).toEqual({ tue: [['9am']] });
  });

  it('writes a stored week back as the text it was typed as', () => {
    const text = { ...CLOSED_WEEK, fri: '09:00-12:00, 13:00-17:00' };
    expect(weekText(weekOf(text))).toEqual(text);
  });
});
