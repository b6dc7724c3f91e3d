import { DEFAULT_WIDGET_SETTINGS, parseWidgetSettings } from './widget-settings';

describe('parseWidgetSettings', () => {
  it('gives the defaults for an inbox without widget settings: blue, all locales, no form, no hours', () => {
    expect(parseWidgetSettings(null)).toEqual({ settings: DEFAULT_WIDGET_SETTINGS, invalid: [] });
    expect(DEFAULT_WIDGET_SETTINGS).toMatchObject({
      primaryColor: '#2563eb',
      locales: ['en', 'zh-CN', 'zh-TW', 'ja'],
      preChatForm: { enabled: false, fields: [] },
      businessHours: null,
      identitySecret: null,
    });
  });

  it('reads a complete, valid setting as stored', () => {
    const stored = {
      primaryColor: '#10b981',
      position: 'left',
      launcherText: { en: 'Chat with us', ja: 'チャット' },
      greeting: { en: 'Hello', ja: 'こんにちは' },
      locales: ['ja', 'en'],
      defaultLocale: 'ja',
      departmentIds: ['3f0a1f7e-8c1d-4b8e-9a45-0c6f5d2b7a11'],
      preChatForm: { enabled: true, fields: [{ name: 'email', required: true }] },
      identitySecret: 'a-secret-of-at-least-16-chars',
      businessHours: { timeZone: 'Asia/Tokyo', week: { mon: [['09:00', '18:00']], sun: [] } },
      uploads: { maxBytes: 1024 },
      autoInvite: [{ id: 'rule-1', message: { en: 'Hi' }, secondsOnPage: 20 }],
    };

    const { settings, invalid } = parseWidgetSettings(stored);

    expect(invalid).toEqual([]);
    expect(settings).toEqual({
      primaryColor: '#10b981',
      position: 'left',
      launcherText: { en: 'Chat with us', ja: 'チャット' },
      greeting: { en: 'Hello', ja: 'こんにちは' },
      locales: ['ja', 'en'],
      defaultLocale: 'ja',
      departmentIds: ['3f0a1f7e-8c1d-4b8e-9a45-0c6f5d2b7a11'],
      preChatForm: { enabled: true, fields: [{ name: 'email', required: true }] },
      identitySecret: 'a-secret-of-at-least-16-chars',
      businessHours: { timeZone: 'Asia/Tokyo', week: { mon: [['09:00', '18:00']], sun: [] } },
      uploads: { maxBytes: 1024 },
    });
  });

  it('replaces each invalid field by its default, names it, and keeps the valid ones', () => {
    const { settings, invalid } = parseWidgetSettings({
      primaryColor: 'red',
      locales: ['en', 'klingon'],
      departmentIds: ['not-a-uuid'],
      preChatForm: { enabled: 'yes', fields: [] },
      businessHours: { timeZone: 'Nowhere/City', week: {} },
      uploads: { maxBytes: -1 },
      greeting: { en: 'Still valid' },
    });

    expect(invalid.sort()).toEqual(
      [
        'businessHours',
        'departmentIds',
        'locales',
        'preChatForm',
        'primaryColor',
        'uploads',
      ].sort(),
    );
    expect(settings).toEqual({
      ...DEFAULT_WIDGET_SETTINGS,
      greeting: { en: 'Still valid' },
    });
  });

  it('gives the built-in greetings only to an inbox without one of its own', () => {
    expect(parseWidgetSettings({ greeting: { en: ' ' } }).settings.greeting).toEqual(
      DEFAULT_WIDGET_SETTINGS.greeting,
    );
    expect(parseWidgetSettings({}).settings.greeting).toEqual(DEFAULT_WIDGET_SETTINGS.greeting);
  });

  it('refuses business hours with a reversed interval or an unknown day', () => {
    for (const week of [{ mon: [['18:00', '09:00']] }, { someday: [['09:00', '18:00']] }]) {
      const { settings, invalid } = parseWidgetSettings({
        businessHours: { timeZone: 'UTC', week },
      });
      expect(invalid).toEqual(['businessHours']);
      expect(settings.businessHours).toBeNull();
    }
  });

  it('keeps null business hours (always open) without a warning', () => {
    expect(parseWidgetSettings({ businessHours: null })).toEqual({
      settings: DEFAULT_WIDGET_SETTINGS,
      invalid: [],
    });
  });

  it('refuses an identity secret too short to be one', () => {
    const { settings, invalid } = parseWidgetSettings({ identitySecret: 'short' });

    expect(invalid).toEqual(['identitySecret']);
    expect(settings.identitySecret).toBeNull();
  });
});
