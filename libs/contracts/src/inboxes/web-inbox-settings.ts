import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { compose, IsIanaTimeZone, IsStorableText } from '../common/validators';
import { minutesOf, WEEKDAYS, type Weekday } from '../routing/business-hours';

/** The widget's languages, in the order offered by default. */
export const WIDGET_LOCALES = ['en', 'zh-CN', 'zh-TW', 'ja'] as const;
export type WidgetLocale = (typeof WIDGET_LOCALES)[number];

export const PRE_CHAT_FIELDS = ['name', 'email', 'phone'] as const;

/** Which side of the page the widget's launcher sits on. */
export const WIDGET_POSITIONS = ['right', 'left'] as const;
export type WidgetPosition = (typeof WIDGET_POSITIONS)[number];

const MIB = 1024 * 1024;

/**
 * `["09:00", "18:00"]`: from the first time (included) to the second (excluded), local time.
 * A widget's own interval never crosses midnight: night hours are two intervals on two days.
 */
export type WidgetOpeningInterval = [string, string];

/** A widget's own opening hours, in an IANA time zone; a day missing or `[]` is closed. */
export interface WidgetBusinessHours {
  timeZone: string;
  week: Partial<Record<Weekday, WidgetOpeningInterval[]>>;
}

/** True for an interval of two valid times, the first before the second. */
export function isOpeningInterval(value: unknown): value is WidgetOpeningInterval {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const [from, to] = value as unknown[];
  if (typeof from !== 'string' || typeof to !== 'string') return false;
  const start = minutesOf(from);
  const end = minutesOf(to);
  return start !== null && end !== null && start < end;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function IsLocaleTextMap(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocaleTextMap',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must map widget locales to texts of at most 1000 characters' },
      validator: {
        validate: (value: unknown) =>
          isRecord(value) &&
          Object.entries(value).every(
            ([locale, text]) =>
              (WIDGET_LOCALES as readonly string[]).includes(locale) &&
              typeof text === 'string' &&
              text.length <= 1000,
          ),
      },
    });
}

/** The language a widget falls back to when its settings name none. */
export const DEFAULT_WIDGET_LOCALE: WidgetLocale = 'en';

/**
 * Every auto-invite rule has a text in the widget's default language: the one a visitor whose
 * language the rule lacks is invited in.
 */
function EveryRuleSpeaksDefaultLocale(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'everyRuleSpeaksDefaultLocale',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args) =>
          `every rule's message must have a text in the default language (${defaultLocaleOf(args.object)})`,
      },
      validator: {
        validate: (value: unknown, args) => {
          if (!Array.isArray(value)) return true; // the array's own validators answer
          const locale = defaultLocaleOf(args?.object);
          return value.every(
            (rule: unknown) =>
              !isRecord(rule) ||
              !isRecord(rule['message']) ||
              (typeof rule['message'][locale] === 'string' &&
                rule['message'][locale].trim() !== ''),
          );
        },
      },
    });
}

function defaultLocaleOf(settings: unknown): string {
  const locale = isRecord(settings) ? settings['defaultLocale'] : undefined;
  return typeof locale === 'string' ? locale : DEFAULT_WIDGET_LOCALE;
}

function IsWidgetWeek(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWidgetWeek',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must map mon…sun to lists of ["HH:MM", "HH:MM"] intervals' },
      validator: {
        validate: (value: unknown) =>
          isRecord(value) &&
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

export class WidgetBusinessHoursSettings implements WidgetBusinessHours {
  @IsIanaTimeZone() timeZone!: string;
  @IsWidgetWeek() week!: WidgetBusinessHours['week'];
}

export class UploadSettings {
  @IsInt()
  @Min(1)
  @Max(100 * MIB)
  maxBytes!: number;
}

/** An invitation's text in one language: not blank, at most 1000 characters. */
function IsInvitationText(): PropertyDecorator {
  return compose(
    IsOptional(),
    IsString(),
    Matches(/\S/, { message: '$property must not be blank' }),
    MaxLength(1000),
    IsStorableText(),
  );
}

/**
 * An auto-invite rule's message, a text per widget language (one property each, so a refused
 * text is named by its language: `message.ja`). A language without a text is left out.
 */
export class AutoInviteMessage implements Partial<Record<WidgetLocale, string>> {
  @IsInvitationText() en?: string;
  @IsInvitationText() 'zh-CN'?: string;
  @IsInvitationText() 'zh-TW'?: string;
  @IsInvitationText() ja?: string;
}

/** One rule of `settings.widget.autoInvite`: every condition it names must hold. */
export class AutoInviteRule {
  @IsString() @IsNotEmpty() @MaxLength(100) id!: string;
  /** The settings' default language must have a text: the visitor's own, else that one. */
  @IsObject()
  @ValidateNested()
  @Type(() => AutoInviteMessage)
  message!: AutoInviteMessage;
  @IsOptional() @IsInt() @Min(0) @Max(3600) secondsOnPage?: number;
  @IsOptional() @IsString() @MaxLength(500) urlPattern?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) minPagesViewed?: number;
  @IsOptional() @IsBoolean() returning?: boolean;
  @IsOptional() @IsString() @MaxLength(200) keywordPattern?: string;
}

/**
 * `conversation.inboxes.settings.widget` (docs/widget-api.md). Every field is optional; a
 * reader gives what is missing its default. connector-web reads it for the widget's config.
 */
export class WidgetSettings {
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'primaryColor must be #rrggbb' })
  primaryColor?: string;

  @IsOptional()
  @IsIn(WIDGET_POSITIONS)
  position?: WidgetPosition;

  /** The launcher's label per locale (its default is the widget's own). */
  @IsOptional()
  @IsLocaleTextMap()
  launcherText?: Partial<Record<WidgetLocale, string>>;

  @IsOptional()
  @IsLocaleTextMap()
  greeting?: Partial<Record<WidgetLocale, string>>;

  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WIDGET_LOCALES, { each: true })
  locales?: WidgetLocale[];

  /** The language shown when the visitor's browser asks for none of `locales`. */
  @IsOptional()
  @IsIn(WIDGET_LOCALES)
  defaultLocale?: WidgetLocale;

  /** The departments the visitor may choose from (none: no choice offered). */
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

  /** The inbox's own hours; routing's workspace or department hours take precedence. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => WidgetBusinessHoursSettings)
  businessHours?: WidgetBusinessHoursSettings | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => UploadSettings)
  uploads?: UploadSettings;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AutoInviteRule)
  @EveryRuleSpeaksDefaultLocale()
  autoInvite?: AutoInviteRule[];
}
