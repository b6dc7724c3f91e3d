import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { isOpeningInterval, isTimeZone, WEEKDAYS, type BusinessHours } from './business-hours';

/** The widget's languages, in the order offered by default. */
export const WIDGET_LOCALES = ['en', 'zh-CN', 'zh-TW', 'ja'] as const;
export type WidgetLocale = (typeof WIDGET_LOCALES)[number];

export const PRE_CHAT_FIELDS = ['name', 'email', 'phone'] as const;

const MIB = 1024 * 1024;

export const DEFAULT_GREETING: Record<WidgetLocale, string> = {
  en: 'Hi! How can we help you today?',
  'zh-CN': '您好！有什么可以帮您？',
  'zh-TW': '您好！有什麼可以幫您？',
  ja: 'こんにちは！ご用件をお聞かせください。',
};

function IsLocaleTextMap(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocaleTextMap',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must map widget locales to texts of at most 1000 characters' },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.entries(value).every(
            ([locale, text]) =>
              (WIDGET_LOCALES as readonly string[]).includes(locale) &&
              typeof text === 'string' &&
              text.length <= 1000,
          ),
      },
    });
}

function IsWeekSchedule(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWeekSchedule',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must map mon…sun to lists of ["HH:MM", "HH:MM"] intervals' },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.entries(value).every(
            ([day, intervals]) =>
              (WEEKDAYS as readonly string[]).includes(day) &&
              Array.isArray(intervals) &&
              intervals.length <= 10 &&
              intervals.every(isOpeningInterval),
          ),
      },
    });
}

function IsIanaTimeZone(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as Asia/Tokyo' },
      validator: { validate: isTimeZone },
    });
}

export class PreChatFieldSettings {
  @IsIn(PRE_CHAT_FIELDS) name!: (typeof PRE_CHAT_FIELDS)[number];
  @IsBoolean() required!: boolean;
}

export class PreChatFormSettings {
  @IsBoolean() enabled!: boolean;

  @IsArray()
  @ArrayMaxSize(PRE_CHAT_FIELDS.length)
  @ValidateNested({ each: true })
  @Type(() => PreChatFieldSettings)
  fields!: PreChatFieldSettings[];
}

export class BusinessHoursSettings implements BusinessHours {
  @IsIanaTimeZone() timeZone!: string;
  @IsWeekSchedule() week!: BusinessHours['week'];
}

export class UploadSettings {
  @IsInt()
  @Min(1)
  @Max(100 * MIB)
  maxBytes!: number;
}

/**
 * `conversation.inboxes.settings.widget` as stored (docs/widget-api.md). Every field is
 * optional; what is missing or invalid takes its default. Auto-invite rules are read by the
 * invitation feature, which validates them itself.
 */
export class WidgetSettings {
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'primaryColor must be #rrggbb' })
  primaryColor?: string;

  @IsOptional()
  @IsLocaleTextMap()
  greeting?: Partial<Record<WidgetLocale, string>>;

  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WIDGET_LOCALES, { each: true })
  locales?: WidgetLocale[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => PreChatFormSettings)
  preChatForm?: PreChatFormSettings;

  /** The key a site signs its users' ids with (HMAC-SHA256); never sent to a browser. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  identitySecret?: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => BusinessHoursSettings)
  businessHours?: BusinessHoursSettings | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => UploadSettings)
  uploads?: UploadSettings;
}

/** Settings with every default applied. */
export interface ResolvedWidgetSettings {
  primaryColor: string;
  greeting: Partial<Record<WidgetLocale, string>>;
  locales: WidgetLocale[];
  departmentIds: string[];
  preChatForm: { enabled: boolean; fields: { name: string; required: boolean }[] };
  identitySecret: string | null;
  businessHours: BusinessHours | null;
  uploads: { maxBytes: number };
}

export const DEFAULT_WIDGET_SETTINGS: ResolvedWidgetSettings = {
  primaryColor: '#2563eb',
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

/**
 * The widget settings of an inbox, each invalid field replaced by its default (and named in
 * `invalid`, for a warning): a bad setting never breaks the widget.
 */
export function parseWidgetSettings(stored: Record<string, unknown> | null): ParsedWidgetSettings {
  const raw = { ...(stored ?? {}) };
  const errors = validateSync(plainToInstance(WidgetSettings, raw));
  const invalid = errors.map((error: ValidationError) => error.property);
  for (const field of invalid) delete raw[field];
  const valid = plainToInstance(WidgetSettings, raw);
  const defaults = DEFAULT_WIDGET_SETTINGS;
  return {
    invalid,
    settings: {
      primaryColor: valid.primaryColor ?? defaults.primaryColor,
      greeting: { ...defaults.greeting, ...valid.greeting },
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
