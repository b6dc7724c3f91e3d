import { Transform } from 'class-transformer';
import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

/** Fails when the decorated property and `other` are both given. */
export function IsAbsentWhen(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAbsentWhen',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [other],
      options,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          (args.object as Record<string, unknown>)[other] === undefined,
      },
    });
}

// At most 15 digits: every such number is a safe integer.
const QUERY_INTEGER = /^\d{1,15}$/;

/**
 * A query parameter holding a whole number. Query strings are always text, so this field's
 * decimal digits become a number here, explicitly; anything else stays text and fails the
 * field's number rule. Bodies and socket frames get no such conversion.
 */
export function IsQueryInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && QUERY_INTEGER.test(value) ? Number(value) : value,
  );
}
