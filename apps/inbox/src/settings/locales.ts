/** The languages of the inbox and the widget, in the order the settings list them. */
export const LOCALES = ['en', 'zh-CN', 'zh-TW', 'ja'] as const;
