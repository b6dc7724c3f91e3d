import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsHttpUrl } from '../common/http-url';
import {
  IsEmailAddress,
  IsIanaTimeZone,
  IsPersonName,
  IsPhoneText,
  IsStorableText,
} from '../common/validators';

/** A BCP 47 language tag such as `ja`, `zh-Hant-TW` or `en-GB`. */
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

export const MAX_CUSTOMER_TAGS = 50;
export const MAX_ATTRIBUTES_PER_WRITE = 50;

// A nullable field is checked unless missing or null; a required-if-given one unless missing,
// so `null` is refused where the column cannot hold it.
const nullable = () => ValidateIf((_: object, v: unknown) => v !== null && v !== undefined);
const optional = () => ValidateIf((_: object, v: unknown) => v !== undefined);

/** A tag: 1–50 characters of storable text, no control characters. */
const TAG_PATTERN = /^[^\p{Cc}\p{Cs}]{1,50}$/u;

/**
 * The fields of a customer an agent or integrator writes. Every field is optional: a create
 * sets those given, an update changes those given; `null` clears a nullable one.
 * `attributes` maps custom attribute keys to values (`null` removes one); crm checks each
 * against the workspace's definitions.
 */
export class CustomerFields {
  @nullable() @IsPersonName() @MinLength(1) name?: string | null;
  @nullable() @IsEmailAddress() @MaxLength(320) email?: string | null;
  @nullable() @IsPhoneText() @MinLength(1) phone?: string | null;
  @optional() @IsBoolean() emailVerified?: boolean;
  @optional() @IsBoolean() phoneVerified?: boolean;
  @nullable()
  @Matches(LOCALE_PATTERN, { message: 'locale must be a BCP 47 language tag such as ja-JP' })
  locale?: string | null;
  @nullable() @IsIanaTimeZone() timeZone?: string | null;
  @nullable() @IsHttpUrl() avatarUrl?: string | null;
  @nullable() @IsString() @MinLength(1) @MaxLength(200) @IsStorableText() company?: string | null;
  @optional() @IsBoolean() vip?: boolean;
  @optional()
  @IsArray()
  @ArrayMaxSize(MAX_CUSTOMER_TAGS)
  @IsString({ each: true })
  @Matches(TAG_PATTERN, {
    each: true,
    message: 'each tag must be 1–50 characters without control characters',
  })
  tags?: string[];
  @optional() @IsObject() attributes?: Record<string, unknown>;
}
