import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

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
