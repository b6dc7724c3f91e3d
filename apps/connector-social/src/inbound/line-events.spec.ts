import { lineEvents } from './line-events';

describe('lineEvents', () => {
  const event = (message: object) => ({
    type: 'message',
    timestamp: 1_700_000_000_000,
    source: { type: 'user', userId: 'U1' },
    replyToken: 'token',
    message,
  });

  it('turns stickers into text and never fetches an externally hosted image', () => {
    const { messages, replyTokens } = lineEvents({
      events: [
        event({
          type: 'sticker',
          id: '1',
          packageId: '446',
          stickerId: '1988',
          keywords: ['Happy'],
        }),
        event({
          type: 'image',
          id: '2',
          contentProvider: { type: 'external', originalContentUrl: 'http://10.0.0.1/x.png' },
        }),
        event({ type: 'image', id: '3', contentProvider: { type: 'line' } }),
      ],
    });
    expect(messages.map((m) => [m.externalMessageId, m.text, m.media?.source])).toEqual([
      ['1', '[sticker: Happy]', undefined],
      ['2', '[image on an external server, not fetched]', undefined],
      ['3', '', { kind: 'line', messageId: '3' }],
    ]);
    expect(replyTokens).toHaveLength(3);
  });

  it('ignores follow events and an empty verification body', () => {
    expect(lineEvents({ events: [{ type: 'follow', source: { userId: 'U1' } }] }).ignored).toEqual([
      'follow',
    ]);
    expect(lineEvents({ destination: 'x', events: [] }).messages).toEqual([]);
  });

  it('keeps the message a quoting reply answers', () => {
    const { messages } = lineEvents({
      events: [event({ type: 'text', id: '5', text: 'this one', quotedMessageId: '4' })],
    });
    expect(messages[0].replyTo).toBe('4');
  });
});
