import { CATALOGUES, LANGUAGE_NAMES, LOCALES } from './catalogues';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();

describe('the widget catalogues', () => {
  const english = CATALOGUES.en;

  it('offer the four languages of the issue, each named in itself', () => {
    expect(LOCALES).toEqual(['en', 'zh-CN', 'zh-TW', 'ja']);
    expect(LANGUAGE_NAMES).toEqual({
      en: 'English',
      'zh-CN': '简体中文',
      'zh-TW': '繁體中文',
      ja: '日本語',
    });
  });

  it.each(LOCALES)('%s has exactly the English keys, none empty', (locale) => {
    const catalogue = CATALOGUES[locale];
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(catalogue))
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it.each(LOCALES)('%s keeps every placeholder of the English string', (locale) => {
    for (const [key, text] of Object.entries(CATALOGUES[locale]))
      expect({ key, placeholders: placeholders(text) }).toEqual({
        key,
        placeholders: placeholders(english[key as keyof typeof english]),
      });
  });

  it.each(['zh-CN', 'zh-TW', 'ja'] as const)(
    '%s is translated, not English left behind',
    (locale) => {
      const untranslated = Object.entries(CATALOGUES[locale]).filter(
        ([key, text]) => text === english[key as keyof typeof english],
      );
      expect(untranslated).toEqual([]);
    },
  );

  it('names the controls the browser tests find, in English', () => {
    expect(english).toMatchObject({
      openChat: 'Open chat',
      closeChat: 'Close chat',
      chat: 'Chat',
      language: 'Language',
      department: 'Department',
      composer: 'Type your message',
      send: 'Send',
      attach: 'Attach a file',
      messages: 'Messages',
      sending: 'Sending…',
      sent: 'Sent',
      failedRetry: 'Failed — retry',
      retry: 'Retry',
      invitation: 'Chat invitation',
      startChat: 'Start chat',
      noThanks: 'No thanks',
      openLink: 'Open link',
      leaveMessage: 'Leave a message',
      sendMessage: 'Send message',
      offlineThanks: "Thanks! We'll get back to you by email.",
      rate: 'Rate this conversation',
      comment: 'Comment (optional)',
      submitRating: 'Submit rating',
      csatThanks: 'Thanks for your feedback!',
      reconnecting: 'Reconnecting…',
      sneakPeek: 'The agent can see what you type before you send it.',
    });
  });
});
