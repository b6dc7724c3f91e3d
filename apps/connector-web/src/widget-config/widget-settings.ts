import { plainToInstance } from 'class-transformer';
import {
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  validateSync,
  type ValidationError,
} from 'class-validator';
import {
  DEFAULT_WIDGET_LOCALE,
  WIDGET_LOCALES,
  WidgetSettings,
  type WidgetBusinessHours,
  type WidgetLocale,
  type WidgetPosition,
} from '@hub/contracts';

export { WIDGET_LOCALES, type WidgetLocale };

const MIB = 1024 * 1024;

export const DEFAULT_GREETING: Record<WidgetLocale, string> = {
  en: 'Hi! How can we help you today?',
  'zh-CN': '您好！有什么可以帮您？',
  'zh-TW': '您好！有什麼可以幫您？',
  ja: 'こんにちは！ご用件をお聞かせください。',
};

/**
 * `conversation.inboxes.settings.widget` as stored (docs/widget-api.md): what the admin API
 * writes, and the identity secret earlier seeds put there. Auto-invite rules are read by the
 * invitation feature, which skips a malformed rule rather than all of them.
 */
class StoredWidgetSettings extends WidgetSettings {
  /** The key a site signs its users' ids with (HMAC-SHA256); never sent to a browser. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  identitySecret?: string;
}

/** Settings with every default applied. */
export interface ResolvedWidgetSettings {
  primaryColor: string;
  position: WidgetPosition;
  launcherText: Partial<Record<WidgetLocale, string>>;
  defaultLocale: WidgetLocale;
  greeting: Partial<Record<WidgetLocale, string>>;
  locales: WidgetLocale[];
  departmentIds: string[];
  preChatForm: { enabled: boolean; fields: { name: string; required: boolean }[] };
  identitySecret: string | null;
  businessHours: WidgetBusinessHours | null;
  uploads: { maxBytes: number };
}

export const DEFAULT_WIDGET_SETTINGS: ResolvedWidgetSettings = {
  primaryColor: '#2563eb',
  position: 'right',
  launcherText: {},
  defaultLocale: DEFAULT_WIDGET_LOCALE,
  greeting: DEFAULT_GREETING,
  locales: [...WIDGET_LOCALES],
  departmentIds: [],
  preChatForm: { enabled: false, fields: [] },
  identitySecret: null,
  businessHours: null,
  uploads: { maxBytes: 10 * MIB },
};

export interface ParsedWidgetSettings {
  settings: ResolvedWidgetSettings;
  /** The stored fields that were invalid and replaced by their defaults (to log). */
  invalid: string[];
}

const hasText = (
  texts: Partial<Record<WidgetLocale, string>> | undefined,
): texts is Partial<Record<WidgetLocale, string>> =>
  Object.values(texts ?? {}).some((text) => text.trim() !== '');

/**
 * The widget settings of an inbox, each invalid field replaced by its default (and named in
 * `invalid`, for a warning): a bad setting never breaks the widget.
 */
export function parseWidgetSettings(stored: Record<string, unknown> | null): ParsedWidgetSettings {
  const raw = { ...(stored ?? {}) };
  // The rules are the invitation feature's to sift (auto-invite-rules.ts).
  delete raw.autoInvite;
  const errors = validateSync(plainToInstance(StoredWidgetSettings, raw));
  const invalid = errors.map((error: ValidationError) => error.property);
  for (const field of invalid) delete raw[field];
  const valid = plainToInstance(StoredWidgetSettings, raw);
  const defaults = DEFAULT_WIDGET_SETTINGS;
  return {
    invalid,
    settings: {
      primaryColor: valid.primaryColor ?? defaults.primaryColor,
      position: valid.position ?? defaults.position,
      launcherText: valid.launcherText ?? defaults.launcherText,
      defaultLocale: valid.defaultLocale ?? defaults.defaultLocale,
      // An inbox's own greetings replace the built-in ones whole: a visitor whose language has
      // none reads the inbox's default language's (the widget falls back), not a stock text.
      greeting: hasText(valid.greeting) ? valid.greeting : defaults.greeting,
      locales: valid.locales ?? defaults.locales,
      departmentIds: valid.departmentIds ?? defaults.departmentIds,
      preChatForm: valid.preChatForm
        ? {
            enabled: valid.preChatForm.enabled,
            fields: valid.preChatForm.fields.map(({ name, required }) => ({ name, required })),
          }
        : defaults.preChatForm,
      identitySecret: valid.identitySecret ?? defaults.identitySecret,
      businessHours: valid.businessHours
        ? { timeZone: valid.businessHours.timeZone, week: valid.businessHours.week }
        : defaults.businessHours,
      uploads: valid.uploads ? { maxBytes: valid.uploads.maxBytes } : defaults.uploads,
    },
  };
}
