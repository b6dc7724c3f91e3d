import { bigintToNumber } from './bigint-transformer';

describe('bigintToNumber', () => {
  it('reads pg bigint strings as numbers and keeps null', () => {
    expect(bigintToNumber.from('42')).toBe(42);
    expect(bigintToNumber.from(null)).toBeNull();
    expect(bigintToNumber.to(7)).toBe(7);
  });

  it('refuses a value that would lose precision rather than round it', () => {
    expect(() => bigintToNumber.from('9007199254740993')).toThrow(RangeError);
  });
});
