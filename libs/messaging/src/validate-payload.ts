// class-transformer's @Type() reads design-time metadata; load the polyfill whoever imports us.
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import type { ValidationError } from 'class-validator';
import { validate, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

// Every service validates through here (and its HTTP pipe through the same storage).
cacheValidationMetadata();

/** Outcome of {@link validatePayload}: the typed instance, or one readable line per problem. */
export type PayloadValidation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * Turns `data` (parsed JSON) into an instance of `payloadType` and validates it the way the HTTP
 * edge validates bodies: unknown properties are errors, nested objects are checked.
 * Transport-free on purpose: JetStream consumers and request/reply handlers share it.
 * Errors read `"content: must be a string"`, `"customer.externalId: should not be empty"`.
 */
export async function validatePayload<T extends object>(
  payloadType: new () => T,
  data: unknown,
): Promise<PayloadValidation<T>> {
  const value = instanceOf(payloadType, data);
  if (!value) return notAnObject();
  return outcome(value, await validate(value, OPTIONS));
}

/**
 * {@link validatePayload} without a promise per rule: about three times faster, for hot loops
 * (a projection's replay of a whole stream). Skips async validators; the contracts have none.
 */
export function validatePayloadSync<T extends object>(
  payloadType: new () => T,
  data: unknown,
): PayloadValidation<T> {
  const value = instanceOf(payloadType, data);
  if (!value) return notAnObject();
  return outcome(value, validateSync(value, OPTIONS));
}

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
const notAnObject = (): { ok: false; errors: string[] } => ({
  ok: false,
  errors: ['payload: must be a JSON object'],
});

function instanceOf<T extends object>(payloadType: new () => T, data: unknown): T | undefined {
  // plainToInstance would turn an array into an array of instances and leave primitives alone.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return plainToInstance(payloadType, data);
}

function outcome<T>(value: T, errors: ValidationError[]): PayloadValidation<T> {
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: describeErrors(errors) };
}

/** Flattens class-validator's tree into `path: reason` lines. */
export function describeErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map(
      (message) => `${path}: ${withoutPropertyName(message, error.property)}`,
    );
    return [...own, ...describeErrors(error.children ?? [], path)];
  });
}

// class-validator starts its messages with the property name ("content must be a string",
// "property extra should not exist"); the path already says it.
function withoutPropertyName(message: string, property: string): string {
  for (const prefix of [`${property} `, `property ${property} `]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  }
  return message;
}
