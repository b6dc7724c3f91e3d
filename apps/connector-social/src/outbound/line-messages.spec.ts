import { lineMessages } from './line-messages';
import { m4aLasting } from './mp4-fixture';

describe('lineMessages', () => {
  const file = (mimeType: string, size: number) => ({
    name: 'quote.pdf',
    mimeType,
    bytes: Buffer.alloc(size),
    link: 'https://social.example.com/files/f?expires=1&signature=s',
    videoPreviewLink: 'https://social.example.com/line/video-preview.png',
  });

  it('sends a small JPEG or PNG as an image that is its own preview, after the caption', () => {
    expect(lineMessages({ content: 'Look' }, file('image/png', 1000))).toEqual([
      { type: 'text', text: 'Look' },
      {
        type: 'image',
        originalContentUrl: 'https://social.example.com/files/f?expires=1&signature=s',
        previewImageUrl: 'https://social.example.com/files/f?expires=1&signature=s',
      },
    ]);
  });

  it('sends a document, or an image too large for a preview, as a text with its link', () => {
    const link = 'quote.pdf: https://social.example.com/files/f?expires=1&signature=s';
    expect(lineMessages({ content: '' }, file('application/pdf', 10))).toEqual([
      { type: 'text', text: link },
    ]);
    expect(lineMessages({ content: 'Big' }, file('image/jpeg', 2 * 1024 * 1024))).toEqual([
      { type: 'text', text: `Big\n${link}` },
    ]);
  });

  it('sends an MP4 as a video with the hub’s preview, an M4A as audio with its length', () => {
    expect(lineMessages({ content: '' }, file('video/mp4', 10))).toEqual([
      {
        type: 'video',
        originalContentUrl: 'https://social.example.com/files/f?expires=1&signature=s',
        previewImageUrl: 'https://social.example.com/line/video-preview.png',
      },
    ]);
    const m4a = { ...file('audio/mp4', 0), bytes: m4aLasting(2_500) };
    expect(lineMessages({ content: 'Listen' }, m4a)).toEqual([
      { type: 'text', text: 'Listen' },
      {
        type: 'audio',
        originalContentUrl: 'https://social.example.com/files/f?expires=1&signature=s',
        duration: 2_500,
      },
    ]);
  });

  it('sends audio whose length it cannot read, and MP3, as a link', () => {
    const link = 'quote.pdf: https://social.example.com/files/f?expires=1&signature=s';
    expect(lineMessages({ content: '' }, file('audio/mp4', 64))).toEqual([
      { type: 'text', text: link },
    ]);
    expect(lineMessages({ content: '' }, file('audio/mpeg', 64))).toEqual([
      { type: 'text', text: link },
    ]);
  });

  it('keeps the link whole when the caption is at LINE’s limit', () => {
    const [message] = lineMessages({ content: 'x'.repeat(5_000) }, file('application/zip', 10));
    expect(message.type === 'text' && message.text.length).toBe(5_000);
    expect(message.type === 'text' && message.text.endsWith('signature=s')).toBe(true);
  });
});
