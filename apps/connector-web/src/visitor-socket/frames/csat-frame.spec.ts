import type { DomainException } from '@hub/service-kit';
import { validateFrame } from '@hub/socket-kit';
import { CsatSubmitFrame } from './client-frames';

const conversationId = '5d6e0000-0000-4000-8000-000000000001';

function refusedFields(body: Record<string, unknown>): string[] {
  try {
    validateFrame(CsatSubmitFrame, body);
    return [];
  } catch (error) {
    return [...new Set(((error as DomainException).fieldErrors ?? []).map((e) => e.field))];
  }
}

describe('csat.submit frame', () => {
  it('accepts a rating of 1 to 5 with an optional comment of up to 2000 characters', () => {
    expect(refusedFields({ conversationId, rating: 1 })).toEqual([]);
    expect(refusedFields({ conversationId, rating: 5, comment: 'x'.repeat(2000) })).toEqual([]);
  });

  it.each([0, 6, 4.5, '5', null])('refuses the rating %j', (rating) => {
    expect(refusedFields({ conversationId, rating })).toEqual(['rating']);
  });

  it('refuses a comment too long or not storable, and a conversation id that is not one', () => {
    expect(refusedFields({ conversationId, rating: 3, comment: 'x'.repeat(2001) })).toEqual([
      'comment',
    ]);
    expect(refusedFields({ conversationId, rating: 3, comment: 'a\u0000b' })).toEqual(['comment']);
    expect(refusedFields({ conversationId: 'mine', rating: 3 })).toEqual(['conversationId']);
  });
});
