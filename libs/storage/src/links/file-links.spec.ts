import type { MessageView } from '@hub/contracts';
import { FileLinks } from './file-links';
import { verifyFileSignature } from './file-signature';
import type { StorageEnv } from '../storage-env';

const secret = 'a-signing-secret-of-at-least-32-characters';
const links = new FileLinks({ FILES_SIGNING_SECRET: secret } as StorageEnv);
const origin = 'https://chat.example.com';

function message(seq: number, withFile: boolean): MessageView {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    direction: 'inbound',
    senderType: 'customer',
    content: '',
    contentType: withFile ? 'image' : 'text',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...(withFile
      ? { attachment: { fileId: `f${seq}`, name: 'a.png', size: 3, mimeType: 'image/png' } }
      : {}),
  };
}

function checkUrl(url: string | undefined, fileId: string): void {
  const parsed = new URL(url!);
  expect(parsed.origin + parsed.pathname).toBe(`${origin}/files/${fileId}`);
  expect(
    verifyFileSignature({
      secret,
      fileId,
      expires: Number(parsed.searchParams.get('expires')),
      signature: parsed.searchParams.get('signature')!,
    }),
  ).toBe(true);
}

describe('FileLinks: fresh signed links on every message shown', () => {
  const sign = <T extends object>(value: T): T => links.withAttachmentUrls(value, origin);

  it('signs the attachment of a frame, a list of frames and a welcome with messages', () => {
    const created = sign({ type: 'message.created', message: message(1, true) });
    const welcome = sign({ type: 'welcome', messages: [message(1, true), message(2, false)] });
    const list = sign([message(3, true)]);

    checkUrl(created.message.attachment?.url, 'f1');
    checkUrl(welcome.messages[0]?.attachment?.url, 'f1');
    expect(welcome.messages[1]).toEqual(message(2, false));
    checkUrl(list[0]?.attachment?.url, 'f3');
  });

  it('leaves values without attachments as they are', () => {
    const frame = { type: 'message.created', message: message(1, false) };
    const error = { type: 'error', code: 'VALIDATION_FAILED' };

    expect(sign(frame)).toBe(frame);
    expect(sign(error)).toBe(error);
  });

  it('makes links for PUBLIC_URL when set, else for the host the client used', () => {
    const configured = new FileLinks({
      FILES_SIGNING_SECRET: secret,
      PUBLIC_URL: 'https://hub.example.com/',
    } as StorageEnv);

    expect(configured.originFor({ host: 'evil.example', secure: false })).toBe(
      'https://hub.example.com',
    );
    expect(links.originFor({ host: '127.0.0.1:3001', secure: false })).toBe(
      'http://127.0.0.1:3001',
    );
  });
});
