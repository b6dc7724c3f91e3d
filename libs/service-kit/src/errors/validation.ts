import { ValidationPipe } from '@nestjs/common';
import { cacheValidationMetadata } from '@hub/messaging';
import type { ValidationError } from 'class-validator';
import { DomainException, type FieldError } from './domain.exception';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): DomainException {
  const fieldErrors = flatten(errors);
  const summary = fieldErrors.map((e) => e.message).join('; ');
  return new DomainException('VALIDATION_FAILED', `Invalid request: ${summary}`, fieldErrors);
}

/** Every boundary (REST bodies, socket events, RPC payloads) validates the same way. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationFailed,
  });
}
