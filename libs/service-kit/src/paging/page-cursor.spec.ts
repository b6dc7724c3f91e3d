import { decodePageCursor, encodePageCursor } from './page-cursor';

describe('page cursors', () => {
  it('give back the position they were made from, microseconds included', () => {
    const position = {
      at: '2026-11-30T10:00:00.123456+00:00',
      id: '7f546f71-d82e-41a4-804c-9fa1c2ce7e92',
    };
    expect(decodePageCursor(encodePageCursor(position))).toEqual(position);
  });

  it.each([
    'not base64 json',
    Buffer.from('{}').toString('base64url'),
    Buffer.from('["yesterday","7f546f71-d82e-41a4-804c-9fa1c2ce7e92"]').toString('base64url'),
    Buffer.from('["2026-11-30T10:00:00Z","42"]').toString('base64url'),
  ])('refuse %p with CURSOR_INVALID', (cursor) => {
    expect(() => decodePageCursor(cursor)).toThrow(
      expect.objectContaining({ code: 'CURSOR_INVALID' }) as Error,
    );
  });
});
