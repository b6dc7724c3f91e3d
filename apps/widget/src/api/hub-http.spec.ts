import { DEFAULT_CONFIG } from '../state/widget-state';
import { completeConfig } from './hub-http';
import type { WidgetConfig } from './types';

const LOCALES = DEFAULT_CONFIG.locales;

describe('completeConfig', () => {
  it('keeps the inbox’s corner and launcher text', () => {
    const config = completeConfig(
      { position: 'left', launcherText: { en: 'Chat with us', ja: 'チャットで相談' } },
      DEFAULT_CONFIG,
      LOCALES,
    );
    expect(config.position).toBe('left');
    expect(config.launcherText).toEqual({ en: 'Chat with us', ja: 'チャットで相談' });
  });

  it('falls back to the right corner and no text for what an older hub does not send or gets wrong', () => {
    const config = completeConfig(
      { position: 'top' as WidgetConfig['position'] },
      DEFAULT_CONFIG,
      LOCALES,
    );
    expect(config.position).toBe('right');
    expect(config.launcherText).toEqual({});
  });

  it('keeps a default language the inbox offers, else takes its first', () => {
    const offered = completeConfig(
      { locales: ['en', 'ja'], defaultLocale: 'ja' },
      DEFAULT_CONFIG,
      LOCALES,
    );
    expect(offered.defaultLocale).toBe('ja');
    const notOffered = completeConfig(
      { locales: ['zh-TW', 'en'], defaultLocale: 'ja' },
      DEFAULT_CONFIG,
      LOCALES,
    );
    expect(notOffered.defaultLocale).toBe('zh-TW');
  });
});
