import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  isEmail,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
} from 'class-validator';

/** One decorator applying all of `decorators`: a validator stack under one name. */
export function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

// Characters PostgreSQL cannot store. U+0000: neither text nor jsonb holds it. An unpaired
// surrogate (a JSON `"\ud800"`): text would get U+FFFD from Node's UTF-8 encoder, but the same
// string in a jsonb column (the outbox's event payloads) is refused outright.
const NUL = '\u0000';
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** No NUL and no unpaired surrogate: text PostgreSQL stores as given, in text and jsonb alike. */
export function isStorableText(value: string): boolean {
  return !value.includes(NUL) && !UNPAIRED_SURROGATE.test(value);
}

/**
 * Text PostgreSQL can store: no NUL character, no unpaired surrogate. Put it on every string a
 * door accepts that can reach a database, so such text is refused with VALIDATION_FAILED at the
 * edge instead of failing the consumer after the sender was told "accepted". Non-strings pass
 * (other decorators check the type).
 */
export function IsStorableText(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStorableText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must not contain a NUL character (\\u0000) or an unpaired surrogate',
      },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || isStorableText(value),
      },
    });
}

/** A person's name as given (a customer, a site's user): text of at most 200 characters. */
export function IsPersonName(): PropertyDecorator {
  return compose(IsString(), MaxLength(200), IsStorableText());
}

/** A phone number as a person typed it: text of at most 40 characters, not checked further. */
export function IsPhoneText(): PropertyDecorator {
  return compose(IsString(), MaxLength(40), IsStorableText());
}

/**
 * An email address. Use it instead of class-validator's `@IsEmail()`, which throws (a 500) on an
 * unpaired surrogate instead of refusing it.
 */
export function IsEmailAddress(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isEmailAddress',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an email' },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isStorableText(value) && isEmail(value),
      },
    });
}

/**
 * One of the optional fields of a change that must name at least one of `fields` (this one
 * included). Put it on each of them: a field given is validated by its other decorators (so
 * `null` is refused), a field left out is skipped; when none is given, the first of `fields`
 * is refused with a message naming them all. (`@IsOptional()` cannot do this: it skips every
 * check of a missing field, this one included.)
 */
export function IsOneOfChange(fields: readonly string[]): PropertyDecorator {
  const given = (object: object, field: string) =>
    (object as Record<string, unknown>)[field] !== undefined;
  return (target, propertyName) => {
    const reportsNone = propertyName === fields[0];
    ValidateIf(
      (object: object, value: unknown) =>
        value !== undefined || (reportsNone && !fields.some((field) => given(object, field))),
    )(target, propertyName);
    registerDecorator({
      name: 'isOneOfChange',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `at least one of ${fields.join(', ')} must be given` },
      validator: { validate: (value: unknown) => value !== undefined },
    });
  };
}

/**
 * What a client message id may hold: 1–100 of `A–Z a–z 0–9 . _ : ~ -`. Exact bytes, so two ids
 * never collide once a transport trims or folds them (NATS header values are trimmed: `"x"` and
 * `"x "` would be one `Nats-Msg-Id`), and a UUID or ULID always fits.
 */
export const CLIENT_MESSAGE_ID_PATTERN = /^[A-Za-z0-9._:~-]{1,100}$/;

/** An id the hub minted: a UUID. */
export function IsEntityId(): PropertyDecorator {
  return IsUUID('all');
}

/** An id minted by an outside platform (a Telegram update id, an email Message-ID...). */
export function IsExternalId(): PropertyDecorator {
  return compose(IsString(), IsNotEmpty(), MaxLength(512), IsStorableText());
}

/** A client's own id for something it sends, so a resend is recognised: 1–100 characters. */
export function IsClientId(): PropertyDecorator {
  return compose(IsString(), IsNotEmpty(), MaxLength(100), IsStorableText());
}

/**
 * A client's own id for a message it sends ({@link CLIENT_MESSAGE_ID_PATTERN}); a resend with
 * the same id is stored once. Checked before the durable write, on every door.
 */
export function IsClientMessageId(): PropertyDecorator {
  return compose(
    IsString(),
    Matches(CLIENT_MESSAGE_ID_PATTERN, {
      message: '$property must be 1–100 characters of A–Z, a–z, 0–9, ".", "_", ":", "~" or "-"',
    }),
  );
}

/** Message text: 1–20,000 characters. */
export function IsMessageContent(): PropertyDecorator {
  return compose(IsString(), IsNotEmpty(), MaxLength(20_000), IsStorableText());
}

/**
 * A message's text, which may be `""` when the message carries a file (`fileField` is set):
 * the text is then an optional caption.
 */
export function IsMessageContentOrCaption(fileField: string): PropertyDecorator {
  return compose(
    ValidateIf(
      (object: Record<string, unknown>, value) => value !== '' || object[fileField] == null,
    ),
    IsMessageContent(),
  );
}

// The number rules below convert nothing: payloads and socket frames are JSON, where "7" and
// true are not numbers. A REST query parameter, always text, converts its own field explicitly
// before these run.

/** An optional page size: an integer between 1 and `max`. */
export function IsPageSize(max: number): PropertyDecorator {
  return compose(IsOptional(), IsInt(), Min(1), Max(max));
}

/** An optional page cursor: the opaque base64url `nextCursor` of the page before. */
export function IsPageCursor(): PropertyDecorator {
  return compose(
    IsOptional(),
    Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be a cursor this API returned' }),
  );
}

/**
 * An optional sequence number to resume after (0 = from the start). Bounded by the largest
 * exact integer: past it (1e20) a number is no longer a sequence and PostgreSQL's bigint would
 * refuse it.
 */
export function IsAfterSeq(): PropertyDecorator {
  return compose(IsOptional(), IsInt(), Min(0), Max(Number.MAX_SAFE_INTEGER));
}

/** True for an IANA time zone this runtime knows (`Asia/Tokyo`, `UTC`). */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch (_unknownZone) {
    return false;
  }
  // Intl also takes offsets such as `+09:00`, which follow no daylight-saving rules: a zone name.
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value);
}

/** An IANA time zone this runtime knows (`Asia/Tokyo`, `UTC`). */
export function IsIanaTimeZone(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as Asia/Tokyo' },
      validator: { validate: isIanaTimeZone },
    });
}
