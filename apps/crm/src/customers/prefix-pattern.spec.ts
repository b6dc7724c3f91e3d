import { prefixPattern } from './prefix-pattern';

describe('prefixPattern', () => {
  it('matches anything that starts with the text', () => {
    expect(prefixPattern('ada')).toBe('ada%');
  });

  it('matches a percent sign or an underscore in the text literally', () => {
    expect(prefixPattern('50%_off')).toBe('50\\%\\_off%');
  });

  it('matches a backslash in the text literally', () => {
    expect(prefixPattern('a\\b')).toBe('a\\\\b%');
  });

  it('leaves CJK text as it is', () => {
    expect(prefixPattern('王小')).toBe('王小%');
  });
});
