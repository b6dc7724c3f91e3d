import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PRIORITIES, TICKET_STATUSES } from '@hub/domain';
import { compose, IsEntityId, IsStorableText } from '../common/validators';

/** The most tags one ticket carries. */
export const TICKET_TAGS_MAX = 20;

/** A ticket's subject: 1–200 characters of text. */
export function IsTicketSubject(): PropertyDecorator {
  return compose(IsString(), MinLength(1), MaxLength(200), IsStorableText());
}

/** A ticket's description or a note on a change: up to 10,000 characters of text. */
export function IsTicketText(): PropertyDecorator {
  return compose(IsString(), MaxLength(10_000), IsStorableText());
}

export function IsTicketStatus(): PropertyDecorator {
  return IsIn(TICKET_STATUSES);
}

export function IsTicketPriority(): PropertyDecorator {
  return IsIn(PRIORITIES);
}

/**
 * Tags: at most 20, each 1–50 characters without commas or control characters (a comma
 * separates tags in a query string), no duplicates.
 */
export function IsTicketTags(): PropertyDecorator {
  return compose(
    IsArray(),
    ArrayMaxSize(TICKET_TAGS_MAX),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(/^[^,\p{Cc}]{1,50}$/u, {
      each: true,
      message: 'each tag must be 1–50 characters, without commas or control characters',
    }),
  );
}

/** An id that may be null (to clear it), as in `categoryId: null`. */
export function IsEntityIdOrNull(): PropertyDecorator {
  return compose(
    ValidateIf((_, value) => value !== null),
    IsEntityId(),
  );
}

/** An instant as ISO 8601 with a zone: `2026-05-01T09:00:00Z`, `2026-05-01T18:00:00+09:00`. */
export function IsZonedInstant(): PropertyDecorator {
  return compose(
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(/(Z|[+-]\d{2}:?\d{2})$/, { message: '$property must carry a time zone' }),
  );
}

/** A zoned instant, or null to clear it. */
export function IsInstantOrNull(): PropertyDecorator {
  return compose(
    ValidateIf((_, value) => value !== null),
    IsZonedInstant(),
  );
}

/** The version a writer read: a whole number from 1. */
export function IsTicketVersion(): PropertyDecorator {
  return compose(IsInt(), Min(1));
}

/** A category's name: 1–100 characters of text. */
export function IsCategoryName(): PropertyDecorator {
  return compose(IsString(), MinLength(1), MaxLength(100), IsStorableText());
}
