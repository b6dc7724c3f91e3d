import { DomainException } from '@hub/service-kit';
import { checkAttributeValues, type AttributeRule } from './attribute-values';

const rules: AttributeRule[] = [
  { key: 'note', type: 'text', options: [] },
  { key: 'seats', type: 'number', options: [] },
  { key: 'renewsOn', type: 'date', options: [] },
  { key: 'trial', type: 'boolean', options: [] },
  { key: 'plan', type: 'list', options: ['free', 'pro'] },
];

function refusal(values: Record<string, unknown>): DomainException {
  try {
    checkAttributeValues(rules, values);
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('checkAttributeValues', () => {
  it('accepts a value of each type', () => {
    const write = checkAttributeValues(rules, {
      note: '常連のお客様',
      seats: 2.5,
      renewsOn: '2028-02-29',
      trial: false,
      plan: 'pro',
    });
    expect(Object.fromEntries(write.set)).toEqual({
      note: '常連のお客様',
      seats: 2.5,
      renewsOn: '2028-02-29',
      trial: false,
      plan: 'pro',
    });
  });

  it('turns null into a removal', () => {
    expect(checkAttributeValues(rules, { seats: null }).remove).toEqual(['seats']);
  });

  it('refuses a key no definition has', () => {
    expect(refusal({ colour: 'red' })).toMatchObject({ code: 'CUSTOMER_ATTRIBUTE_UNKNOWN' });
  });

  it.each([
    ['note', 42],
    ['note', 'a\u0000b'],
    ['seats', '3'],
    ['seats', Number.POSITIVE_INFINITY],
    ['renewsOn', '2027-02-29'],
    ['renewsOn', '2027-1-5'],
    ['trial', 'false'],
    ['plan', 'enterprise'],
    ['plan', ['pro']],
  ])('refuses %s = %p as the wrong type', (key, value) => {
    expect(refusal({ [key]: value })).toMatchObject({
      code: 'CUSTOMER_ATTRIBUTE_INVALID',
      fieldErrors: [{ field: `attributes.${key}` }],
    });
  });
});
