import { MASKING_PATTERN_MAX_LENGTH, maskingPatternProblem } from './masking-patterns';

describe('maskingPatternProblem', () => {
  it('accepts ordinary patterns: order numbers, national ids, classes and bounded repeats', () => {
    expect(maskingPatternProblem('ORD-\\d{6}')).toBeNull();
    expect(maskingPatternProblem('[A-Z]{2}\\d{6}[A-Z]')).toBeNull();
    expect(maskingPatternProblem('(?:\\d{3}-){2}\\d{4}')).toBeNull();
    expect(maskingPatternProblem('[(+)]\\d+')).toBeNull();
  });

  it('refuses a source that does not compile', () => {
    expect(maskingPatternProblem('ORD-(\\d')).toBe('is not a valid regular expression');
  });

  it('refuses an empty pattern and one that matches empty text', () => {
    expect(maskingPatternProblem('')).toBe('is empty');
    expect(maskingPatternProblem('\\d*')).toBe('matches empty text');
  });

  it('refuses a pattern over the length bound', () => {
    expect(maskingPatternProblem('a'.repeat(MASKING_PATTERN_MAX_LENGTH + 1))).toMatch(/longer/);
  });

  it('refuses nested quantifiers that backtrack exponentially', () => {
    expect(maskingPatternProblem('(a+)+b')).toMatch(/nested quantifiers/);
    expect(maskingPatternProblem('(?:x(\\d*)y)*z')).toMatch(/nested quantifiers/);
    expect(maskingPatternProblem('(\\w{2,})+$')).toMatch(/nested quantifiers/);
    expect(maskingPatternProblem('((ab)+c)+d')).toMatch(/nested quantifiers/);
  });

  it('refuses backreferences', () => {
    expect(maskingPatternProblem('(\\d)\\1')).toBe('uses a backreference');
  });
});
