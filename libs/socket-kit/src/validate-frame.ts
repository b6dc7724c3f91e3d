import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationFailed } from '@hub/service-kit';

/**
 * Validates a frame's body with its class exactly as a REST body is (whitelist, unknown fields
 * refused), returning the instance; throws VALIDATION_FAILED naming each bad field.
 */
export function validateFrame<T extends object>(
  metatype: new () => T,
  body: Record<string, unknown>,
): T {
  const instance = plainToInstance(metatype, body);
  // forbidUnknownValues would refuse a frame class with no fields (`ping`); the body is always
  // an instance of its class here, so unknown properties are still refused by the whitelist.
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
  });
  if (errors.length > 0) throw validationFailed(errors);
  return instance;
}
