import { CLOSED_WEEK, weekOf, weekText, type WeekText } from '../components/week-hours';
import { LOCALES } from '../locales';

export const PRE_CHAT_FIELDS = ['name', 'email', 'phone'] as const;
/** How the pre-chat form treats a field. */
export type PreChatAsk = 'off' | 'optional' | 'required';

export interface AutoInviteDraft {
  id: string;
  /** The invitation by language (those left empty fall back to the default one). */
  message: LocaleTexts;
  secondsOnPage: string;
  urlPattern: string;
  minPagesViewed: string;
}

export interface WebInboxDraft {
  name: string;
  primaryColor: string;
  position: 'right' | 'left';
  /** The visitor-facing texts, by language (those left empty fall back to the default one). */
  launcherText: LocaleTexts;
  greeting: LocaleTexts;
  locales: string[];
  defaultLocale: string;
  departmentIds: string[];
  preChat: Record<(typeof PRE_CHAT_FIELDS)[number], PreChatAsk>;
  autoInvite: AutoInviteDraft[];
  /** The widget's own opening hours; off: the workspace's (or always open). */
  ownHours: boolean;
  hoursTimeZone: string;
  hoursWeek: WeekText;
}

type Widget = Record<string, unknown>;
export type LocaleTexts = Record<string, string>;

export const EMPTY_WEB_INBOX: WebInboxDraft = {
  name: '',
  primaryColor: '#2563eb',
  position: 'right',
  launcherText: {},
  greeting: {},
  locales: [...LOCALES],
  defaultLocale: 'en',
  departmentIds: [],
  preChat: { name: 'off', email: 'off', phone: 'off' },
  autoInvite: [],
  ownHours: false,
  hoursTimeZone: 'UTC',
  hoursWeek: CLOSED_WEEK,
};

const textsOf = (value: unknown): LocaleTexts =>
  typeof value === 'object' && value !== null ? (value as LocaleTexts) : {};

/** A form to edit `widget` (the stored `settings.widget`; what it lacks keeps the defaults). */
export function webInboxDraftOf(name: string, widget: Widget): WebInboxDraft {
  const defaultLocale = (widget.defaultLocale as string | undefined) ?? 'en';
  const preChat = { ...EMPTY_WEB_INBOX.preChat };
  const form = widget.preChatForm as
    { enabled: boolean; fields: { name: string; required: boolean }[] } | undefined;
  for (const field of form?.enabled ? form.fields : []) {
    if (field.name in preChat)
      preChat[field.name as keyof typeof preChat] = field.required ? 'required' : 'optional';
  }
  const hours = widget.businessHours as
    { timeZone: string; week: Record<string, string[][]> } | null | undefined;
  const rules = (widget.autoInvite as Record<string, unknown>[] | undefined) ?? [];
  const numberText = (value: unknown) => (typeof value === 'number' ? String(value) : '');
  return {
    name,
    primaryColor: (widget.primaryColor as string | undefined) ?? EMPTY_WEB_INBOX.primaryColor,
    position: (widget.position as 'right' | 'left' | undefined) ?? 'right',
    launcherText: { ...textsOf(widget.launcherText) },
    greeting: { ...textsOf(widget.greeting) },
    locales: (widget.locales as string[] | undefined) ?? [...LOCALES],
    defaultLocale,
    departmentIds: (widget.departmentIds as string[] | undefined) ?? [],
    preChat,
    autoInvite: rules.map((rule) => ({
      id: String(rule.id),
      message: { ...textsOf(rule.message) },
      secondsOnPage: numberText(rule.secondsOnPage),
      urlPattern: typeof rule.urlPattern === 'string' ? rule.urlPattern : '',
      minPagesViewed: numberText(rule.minPagesViewed),
    })),
    ownHours: Boolean(hours),
    hoursTimeZone: hours?.timeZone ?? EMPTY_WEB_INBOX.hoursTimeZone,
    hoursWeek: hours ? weekText(hours.week) : CLOSED_WEEK,
  };
}

/** `changed` over the stored texts (those of languages no longer offered stay); empty ones go. */
function mergedTexts(before: unknown, changed: LocaleTexts): LocaleTexts | undefined {
  const merged: LocaleTexts = { ...textsOf(before), ...changed };
  for (const [locale, text] of Object.entries(merged)) if (!text.trim()) delete merged[locale];
  return Object.keys(merged).length ? merged : undefined;
}

/**
 * `settings.widget` from the form, over the stored one (`before`): fields the form does not
 * show stay, and texts the form does not show (other languages) are kept.
 */
export function widgetOf(draft: WebInboxDraft, before: Widget = {}): Widget {
  const rulesBefore = new Map(
    ((before.autoInvite as Record<string, unknown>[] | undefined) ?? []).map((rule) => [
      rule.id,
      rule,
    ]),
  );
  const asked = PRE_CHAT_FIELDS.filter((field) => draft.preChat[field] !== 'off');
  const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));
  return {
    ...before,
    primaryColor: draft.primaryColor,
    position: draft.position,
    launcherText: mergedTexts(before.launcherText, draft.launcherText),
    greeting: mergedTexts(before.greeting, draft.greeting),
    locales: draft.locales,
    defaultLocale: draft.defaultLocale,
    departmentIds: draft.departmentIds,
    preChatForm: {
      enabled: asked.length > 0,
      fields: asked.map((name) => ({ name, required: draft.preChat[name] === 'required' })),
    },
    autoInvite: draft.autoInvite.map((rule) => ({
      id: rule.id,
      message: mergedTexts(rulesBefore.get(rule.id)?.message, rule.message) ?? {},
      secondsOnPage: optionalNumber(rule.secondsOnPage),
      urlPattern: rule.urlPattern.trim() || undefined,
      minPagesViewed: optionalNumber(rule.minPagesViewed),
    })),
    businessHours: draft.ownHours
      ? { timeZone: draft.hoursTimeZone.trim(), week: weekOf(draft.hoursWeek) }
      : null,
  };
}
