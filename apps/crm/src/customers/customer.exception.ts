import { DomainException } from '@hub/service-kit';

export const CustomerError = {
  // Also for another workspace's customer, so an id never reveals it exists elsewhere.
  notFound: (id: string) =>
    new DomainException('CUSTOMER_NOT_FOUND', `Customer ${id} does not exist`),
  nothingToChange: (fields: readonly string[]) =>
    new DomainException('VALIDATION_FAILED', `at least one of ${fields.join(', ')} must be given`, [
      { field: fields[0], message: `at least one of ${fields.join(', ')} must be given` },
    ]),
  attributeUnknown: (key: string) =>
    new DomainException(
      'CUSTOMER_ATTRIBUTE_UNKNOWN',
      `The workspace has no custom attribute "${key}"`,
      [{ field: `attributes.${key}`, message: `no custom attribute "${key}" is defined` }],
    ),
  attributeInvalid: (key: string, expected: string) =>
    new DomainException('CUSTOMER_ATTRIBUTE_INVALID', `Attribute "${key}" must be ${expected}`, [
      { field: `attributes.${key}`, message: `must be ${expected}` },
    ]),
  attributeExists: (key: string) =>
    new DomainException('CUSTOMER_ATTRIBUTE_EXISTS', `Attribute "${key}" is already defined`),
  attributeNotFound: (id: string) =>
    new DomainException(
      'CUSTOMER_ATTRIBUTE_NOT_FOUND',
      `Attribute definition ${id} does not exist`,
    ),
  optionsNotAllowed: (type: string) =>
    new DomainException('VALIDATION_FAILED', `A ${type} attribute takes no options`, [
      { field: 'options', message: 'only a list attribute has options' },
    ]),
  optionsRequired: () =>
    new DomainException('VALIDATION_FAILED', 'A list attribute needs its options', [
      { field: 'options', message: 'a list attribute needs at least one option' },
    ]),
  identityTaken: () =>
    new DomainException(
      'CUSTOMER_IDENTITY_TAKEN',
      'Another customer of the workspace holds this id on the channel',
    ),
  identityNotFound: (id: string) =>
    new DomainException('CUSTOMER_IDENTITY_NOT_FOUND', `Identity ${id} is not the customer's`),
  suggestionNotFound: (id: string) =>
    new DomainException('CUSTOMER_SUGGESTION_NOT_FOUND', `Link suggestion ${id} does not exist`),
  suggestionDecided: (id: string) =>
    new DomainException('CUSTOMER_SUGGESTION_DECIDED', `Link suggestion ${id} was already decided`),
} as const;
