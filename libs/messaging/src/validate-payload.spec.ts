import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { validatePayload, validatePayloadSync } from './validate-payload';

class Customer {
  @IsString()
  externalId!: string;
}

class Message {
  @IsString()
  content!: string;

  @IsInt()
  @Min(1)
  seq!: number;

  @IsOptional()
  @IsString()
  note?: string;

  // class-validator skips @ValidateNested() when the value is undefined: @IsObject() makes
  // the nested object required.
  @IsObject()
  @ValidateNested()
  @Type(() => Customer)
  customer!: Customer;
}

const valid = { content: 'hello', seq: 1, customer: { externalId: 'v-1' } };

describe('validatePayload', () => {
  it('returns a typed instance, nested objects included', async () => {
    const result = await validatePayload(Message, valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toBeInstanceOf(Message);
    expect(result.value.customer).toBeInstanceOf(Customer);
    expect(result.value.content).toBe('hello');
  });

  it('names each failing property with its path and reason', async () => {
    const result = await validatePayload(Message, {
      content: 42,
      seq: 0,
      customer: { externalId: 7 },
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.sort()).toEqual([
      'content: must be a string',
      'customer.externalId: must be a string',
      'seq: must not be less than 1',
    ]);
  });

  it('rejects properties the class does not declare, at any depth', async () => {
    const result = await validatePayload(Message, {
      ...valid,
      extra: true,
      customer: { externalId: 'v-1', admin: true },
    });
    expect(result.ok ? [] : result.errors.sort()).toEqual([
      'customer.admin: should not exist',
      'extra: should not exist',
    ]);
  });

  it('rejects a missing nested object and a body that is not an object', async () => {
    const missing = await validatePayload(Message, { content: 'x', seq: 1 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors.some((e) => e.startsWith('customer: '))).toBe(true);
    for (const body of [null, 'text', 3, [valid]]) {
      expect(await validatePayload(Message, body)).toEqual({
        ok: false,
        errors: ['payload: must be a JSON object'],
      });
    }
  });

  it('does not convert types: a numeric string is not a number', async () => {
    const result = await validatePayload(Message, { ...valid, seq: '2' });
    expect(result.ok).toBe(false);
  });
});

describe('validatePayloadSync', () => {
  it('answers exactly as validatePayload does, for valid and invalid payloads', async () => {
    const payloads = [
      valid,
      { ...valid, seq: 0, extra: true },
      { content: 'x', customer: { externalId: 42 } },
      [valid],
      'text',
    ];

    for (const payload of payloads) {
      expect(validatePayloadSync(Message, payload)).toEqual(
        await validatePayload(Message, payload),
      );
    }
  });
});
