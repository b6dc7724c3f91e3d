import { createValidationPipe, type DomainException } from '@hub/service-kit';
import { ListConversationsQuery, ListMessagesQuery, TransferBody } from './conversation.dto';

const pipe = createValidationPipe();
const id = '6f1c1e7e-3f55-4a4e-9a59-1f8f1b1f0a11';

async function fieldsRefused(body: object): Promise<string[]> {
  try {
    await pipe.transform(body, { type: 'body', metatype: TransferBody });
    return [];
  } catch (error) {
    return ((error as DomainException).fieldErrors ?? []).map((e) => e.field);
  }
}

describe('a transfer body', () => {
  it.each([[{ toAgentId: id }], [{ toDepartmentId: id }]])(
    'accepts exactly one target: %j',
    async (body) => {
      expect(await fieldsRefused(body)).toEqual([]);
    },
  );

  it('refuses no target, naming toAgentId', async () => {
    expect(await fieldsRefused({})).toEqual(['toAgentId']);
  });

  it('refuses both targets, naming toDepartmentId', async () => {
    expect(await fieldsRefused({ toAgentId: id, toDepartmentId: id })).toEqual(['toDepartmentId']);
  });

  it('refuses a target that is not an id', async () => {
    expect(await fieldsRefused({ toDepartmentId: 'sales' })).toEqual(['toDepartmentId']);
  });
});

describe('a message list query', () => {
  const parse = (query: Record<string, string>) =>
    pipe.transform(query, { type: 'query', metatype: ListMessagesQuery }) as Promise<unknown>;

  it('turns the decimal digits of a query string into numbers', async () => {
    await expect(parse({ afterSeq: '7', limit: '20' })).resolves.toEqual({
      afterSeq: 7,
      limit: 20,
    });
  });

  it.each([['-1'], ['7.5'], ['1e3'], ['true'], [''], ['9'.repeat(16)]])(
    'refuses afterSeq=%s instead of guessing a number',
    async (afterSeq) => {
      await expect(parse({ afterSeq })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        fieldErrors: expect.arrayContaining([
          { field: 'afterSeq', message: 'afterSeq must be an integer number' },
        ]) as unknown,
      });
    },
  );
});

describe('a conversation list query', () => {
  const parse = (query: Record<string, string>) =>
    pipe.transform(query, { type: 'query', metatype: ListConversationsQuery }) as Promise<unknown>;

  it('takes every filter and a search in any script', async () => {
    const query = {
      view: 'all',
      status: 'open',
      channel: 'email',
      priority: 'urgent',
      departmentId: id,
      tagId: id,
      sla: 'breached',
      q: '退款',
    };
    await expect(parse(query)).resolves.toEqual(query);
  });

  it.each([
    ['channel', 'fax'],
    ['priority', 'whenever'],
    ['tagId', 'vip'],
    ['sla', 'late'],
    ['q', ''],
    ['q', 'x'.repeat(101)],
    ['slaDueWithin', '0'],
    ['slaDueWithin', '10081'],
    ['cursor', 'not/a cursor'],
    ['limit', '101'],
  ])('refuses %s=%j, naming it', async (field, value) => {
    await expect(parse({ view: 'all', [field]: value })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ field })] as unknown,
    });
  });

  it('takes a cursor, a page size and "due within" minutes up to a week, as numbers', async () => {
    await expect(
      parse({ view: 'all', cursor: 'WyIyMDI2Il0', limit: '100', slaDueWithin: '10080' }),
    ).resolves.toEqual({ view: 'all', cursor: 'WyIyMDI2Il0', limit: 100, slaDueWithin: 10080 });
  });
});
