import { safeHttpUrl, unreadCount } from './transcript';

describe('safeHttpUrl', () => {
  it.each(['https://shop.example/a?b=1', 'http://localhost:8080/x'])('keeps %s', (url) => {
    expect(safeHttpUrl(url)).toBe(new URL(url).href);
  });

  it.each([
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'data:text/html,<script>',
    'vbscript:x',
    '/relative',
    'not a url',
  ])('refuses %s', (url) => {
    expect(safeHttpUrl(url)).toBeNull();
  });
});

describe('unreadCount', () => {
  it("counts the agent's messages after the read mark, not the visitor's own", () => {
    const message = (seq: number, direction: 'inbound' | 'outbound') =>
      ({ id: `m${seq}`, seq, direction }) as Parameters<typeof unreadCount>[0][number];
    expect(
      unreadCount(
        [
          message(1, 'outbound'),
          message(2, 'inbound'),
          message(3, 'outbound'),
          message(4, 'outbound'),
        ],
        1,
      ),
    ).toBe(2);
  });
});
