import type { MessageView } from '../../api/types';
import { quotedExcerpt } from './quoted-excerpt';

const message = (id: string, content: string, extra: Partial<MessageView> = {}): MessageView => ({
  id,
  conversationId: 'c',
  seq: 1,
  direction: 'outbound',
  senderType: 'agent',
  content,
  contentType: 'text',
  createdAt: '2026-11-30T10:00:00Z',
  ...extra,
});

describe('quotedExcerpt', () => {
  it('quotes the answered message, cut to 80 characters, or its file name', () => {
    const long = message('a', 'x'.repeat(100));
    const file = message('b', '', {
      attachment: {
        fileId: 'f',
        name: 'invoice.pdf',
        size: 1,
        mimeType: 'application/pdf',
        url: '',
      },
    });
    expect(quotedExcerpt({ replyToMessageId: 'a' }, [long, file])).toBe(`${'x'.repeat(80)}…`);
    expect(quotedExcerpt({ replyToMessageId: 'b' }, [long, file])).toBe('invoice.pdf');
  });

  it('says an earlier message when the answered one is not loaded, and nothing for no reply', () => {
    expect(quotedExcerpt({ replyToMessageId: 'gone' }, [message('a', 'hi')])).toBe('');
    expect(quotedExcerpt({}, [message('a', 'hi')])).toBeNull();
  });
});
