import { contrastingText } from './colors';

describe('contrastingText', () => {
  it('puts white on dark brand colours and near-black on light ones', () => {
    expect(contrastingText('#2563eb')).toBe('#ffffff');
    expect(contrastingText('#111827')).toBe('#ffffff');
    expect(contrastingText('#fde047')).toBe('#111827');
    expect(contrastingText('#ffffff')).toBe('#111827');
  });
});
