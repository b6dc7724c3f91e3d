import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** An id the hub minted: a UUID. */
export function IsEntityId(): PropertyDecorator {
  return IsUUID('all');
}

/** An id minted by an outside platform (a Telegram update id, an email Message-ID...). */
export function IsExternalId(): PropertyDecorator {
  return compose(IsString(), IsNotEmpty(), MaxLength(512));
}

/** A client's own id for something it sends, so a resend is recognised: 1–100 characters. */
export function IsClientId(): PropertyDecorator {
  return compose(IsString(), IsNotEmpty(), MaxLength(100));
}

/** Message text: 1–20,000 characters. */
export function IsMessageContent(): PropertyDecorator {
  return compose(IsString(), IsNotEmpty(), MaxLength(20_000));
}

// The number rules below convert nothing: payloads and socket frames are JSON, where "7" and
// true are not numbers. A REST query parameter, always text, converts its own field explicitly
// before these run.

/** An optional page size: an integer between 1 and `max`. */
export function IsPageSize(max: number): PropertyDecorator {
  return compose(IsOptional(), IsInt(), Min(1), Max(max));
}

/** An optional sequence number to resume after (0 = from the start): an integer ≥ 0. */
export function IsAfterSeq(): PropertyDecorator {
  return compose(IsOptional(), IsInt(), Min(0));
}
