import { CLOSED_WEEK } from '../components/week-hours';
import { EMPTY_WEB_INBOX, webInboxDraftOf, widgetOf } from './web-inbox-draft';

describe('the web inbox form and settings.widget', () => {
  const stored = {
    primaryColor: '#112233',
    position: 'left',
    greeting: { en: 'Hello', ja: 'こんにちは' },
    locales: ['en', 'ja'],
    defaultLocale: 'en',
    departmentIds: [],
    preChatForm: { enabled: true, fields: [{ name: 'email', required: true }] },
    autoInvite: [
      {
        id: 'pricing',
        message: { en: 'Questions?', ja: 'ご質問は？' },
        secondsOnPage: 20,
        urlPattern: '/pricing*',
      },
    ],
    businessHours: { timeZone: 'Asia/Tokyo', week: { mon: [['09:00', '18:00']] } },
    uploads: { maxBytes: 1024 },
  };

  it('edits a stored widget and gives it back unchanged when nothing was changed', () => {
    expect(widgetOf(webInboxDraftOf('Shop', stored), stored)).toEqual({
      ...stored,
      launcherText: undefined,
      autoInvite: [{ ...stored.autoInvite[0], minPagesViewed: undefined }],
    });
  });

  it('edits the texts of each language, keeping the others and dropping emptied ones', () => {
    const draft = webInboxDraftOf('Shop', stored);
    expect(draft.greeting).toEqual({ en: 'Hello', ja: 'こんにちは' });
    const edited = {
      ...draft,
      greeting: { ...draft.greeting, en: 'Hi there' },
      launcherText: { ja: 'チャットで相談', 'zh-TW': ' ' },
    };
    expect(widgetOf(edited, stored)).toMatchObject({
      greeting: { en: 'Hi there', ja: 'こんにちは' },
      launcherText: { ja: 'チャットで相談' },
    });
    const emptied = { ...draft, greeting: { en: '', ja: '' } };
    expect(widgetOf(emptied, stored).greeting).toBeUndefined();
  });

  it('keeps the texts of a language no longer offered', () => {
    const draft = { ...webInboxDraftOf('Shop', stored), locales: ['en'] };
    expect(widgetOf(draft, stored).greeting).toEqual({ en: 'Hello', ja: 'こんにちは' });
  });

  it("edits an auto-invite rule's message in each language, keeping those not shown", () => {
    const draft = webInboxDraftOf('Shop', stored);
    const rule = draft.autoInvite[0];
    expect(rule.message).toEqual({ en: 'Questions?', ja: 'ご質問は？' });
    const edited = {
      ...draft,
      locales: ['en', 'zh-TW'],
      autoInvite: [{ ...rule, message: { en: 'Any questions?', 'zh-TW': ' ' } }],
    };
    // ja is no longer offered, so not shown: its text stays; the blank zh-TW one goes.
    expect(widgetOf(edited, stored).autoInvite).toEqual([
      {
        id: 'pricing',
        message: { en: 'Any questions?', ja: 'ご質問は？' },
        secondsOnPage: 20,
        urlPattern: '/pricing*',
        minPagesViewed: undefined,
      },
    ]);
    const japanese = {
      ...draft,
      autoInvite: [{ ...rule, message: { ...rule.message, ja: 'ご相談は？' } }],
    };
    expect(widgetOf(japanese, stored).autoInvite).toMatchObject([
      { message: { en: 'Questions?', ja: 'ご相談は？' } },
    ]);
  });

  it('turns the pre-chat choices, a new auto-invite rule and own hours into settings', () => {
    const widget = widgetOf({
      ...EMPTY_WEB_INBOX,
      preChat: { name: 'optional', email: 'required', phone: 'off' },
      autoInvite: [
        {
          id: 'r1',
          message: { en: 'Need help?' },
          secondsOnPage: '',
          urlPattern: '',
          minPagesViewed: '3',
        },
      ],
      ownHours: true,
      hoursTimeZone: 'Europe/Paris',
      hoursWeek: { ...CLOSED_WEEK, fri: '09:00-17:00' },
    });
    expect(widget).toMatchObject({
      preChatForm: {
        enabled: true,
        fields: [
          { name: 'name', required: false },
          { name: 'email', required: true },
        ],
      },
      autoInvite: [{ id: 'r1', message: { en: 'Need help?' }, minPagesViewed: 3 }],
      businessHours: { timeZone: 'Europe/Paris', week: { fri: [['09:00', '17:00']] } },
    });
    expect(widgetOf(EMPTY_WEB_INBOX)).toMatchObject({
      preChatForm: { enabled: false, fields: [] },
      autoInvite: [],
      businessHours: null,
    });
  });
});
