import { createValidationPipe, type DomainException } from '@hub/service-kit';
import { TransferBody } from './conversation.dto';

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
