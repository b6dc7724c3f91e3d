import { currentCorrelationId, withCorrelationId } from './correlation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('withCorrelationId', () => {
  it('keeps a caller id of letters, digits and ._:-', () => {
    expect(withCorrelationId('req-42:a.b_C', currentCorrelationId)).toBe('req-42:a.b_C');
  });

  it('mints a uuid when the caller sent none', () => {
    expect(withCorrelationId(undefined, currentCorrelationId)).toMatch(UUID);
  });

  it.each([
    ['longer than 64 characters', 'a'.repeat(65)],
    ['2 KB long', 'x'.repeat(2048)],
    ['holding a line break', 'abc\n{"level":"fatal"}'],
    ['holding a space', 'a b'],
    ['empty', ''],
  ])('replaces an id %s with a fresh uuid', (_, hostile) => {
    expect(withCorrelationId(hostile, currentCorrelationId)).toMatch(UUID);
  });

  it('keeps an id of exactly 64 characters', () => {
    const longest = 'a'.repeat(64);
    expect(withCorrelationId(longest, currentCorrelationId)).toBe(longest);
  });
});
