import { languageOf, pickLanguage } from './languages';

describe('pickLanguage', () => {
  it("takes the agent's profile locale before the browser's languages", () => {
    expect(pickLanguage('ja-JP', ['zh-TW', 'en-US'])).toBe('ja');
  });

  it('falls back to the first browser language we speak, then English', () => {
    expect(pickLanguage(null, ['fr-FR', 'zh-HK', 'en'])).toBe('zh-TW');
    expect(pickLanguage('fr', ['de-DE'])).toBe('en');
  });

  it('tells simplified from traditional Chinese by region and script', () => {
    expect(languageOf('zh')).toBe('zh-CN');
    expect(languageOf('zh-SG')).toBe('zh-CN');
    expect(languageOf('zh-Hans-CN')).toBe('zh-CN');
    expect(languageOf('zh-Hant')).toBe('zh-TW');
    expect(languageOf('zh-MO')).toBe('zh-TW');
  });
});
