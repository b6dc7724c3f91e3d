import { createValidationPipe, type DomainException } from '@hub/service-kit';
import { PushLinkBody } from './push-link.dto';

const pipe = createValidationPipe();

async function fieldsRefused(body: object): Promise<string[]> {
  try {
    await pipe.transform(body, { type: 'body', metatype: PushLinkBody });
    return [];
  } catch (error) {
    return ((error as DomainException).fieldErrors ?? []).map((e) => e.field);
  }
}

describe('a pushed link', () => {
  it('accepts an https URL, with or without a client message id', async () => {
    expect(await fieldsRefused({ url: 'https://shop.example.com/a?b=1' })).toEqual([]);
    expect(await fieldsRefused({ url: 'http://shop.example.com', clientMessageId: 'l-1' })).toEqual(
      [],
    );
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', '/relative', '//host/x', ''])(
    'refuses %j, naming url',
    async (url) => {
      expect(await fieldsRefused({ url })).toEqual(['url']);
    },
  );

  it('refuses a missing url and an unknown field', async () => {
    expect(await fieldsRefused({})).toEqual(['url']);
    expect(await fieldsRefused({ url: 'https://a.example', content: 'x' })).toEqual(['content']);
  });
});
