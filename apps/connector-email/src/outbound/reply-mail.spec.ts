import type { EmailReplyRequested } from '@hub/contracts';
import { replyMail } from './reply-mail';

const request: EmailReplyRequested = {
  eventId: 'email.reply:6f1c1d0e-8a4b-4c36-9b53-2f4f0b1f6a10',
  workspaceId: '0d6f1c1d-8a4b-4c36-9b53-2f4f0b1f6a10',
  inboxId: '1d6f1c1d-8a4b-4c36-9b53-2f4f0b1f6a10',
  conversationId: '2d6f1c1d-8a4b-4c36-9b53-2f4f0b1f6a10',
  messageId: '6f1c1d0e-8a4b-4c36-9b53-2f4f0b1f6a10',
  fromAddress: 'support@shop.example',
  fromName: 'Alice (Shop Support)',
  to: 'lin@customer.example',
  subject: 'Re: 订单',
  references: ['first@customer.example', 'second@customer.example'],
  replyToken: '2d6f1c1d8a4b4c369b532f4f0b1f6a10',
  content: 'Hello <there> & welcome',
  requestedAt: '2026-11-30T12:00:00.000Z',
};

describe('replyMail', () => {
  it('answers the newest message of the thread and names every one', () => {
    const mail = replyMail(request, null);
    expect(mail.messageId).toBe('<6f1c1d0e-8a4b-4c36-9b53-2f4f0b1f6a10@shop.example>');
    expect(mail.inReplyTo).toBe('<second@customer.example>');
    expect(mail.references).toEqual(['<first@customer.example>', '<second@customer.example>']);
    expect(mail.replyTo).toBe('support+2d6f1c1d8a4b4c369b532f4f0b1f6a10@shop.example');
    expect(mail.from).toEqual({ name: 'Alice (Shop Support)', address: 'support@shop.example' });
  });

  it('starts a thread when there is nothing to answer', () => {
    const mail = replyMail({ ...request, references: [] }, null);
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.references).toBeUndefined();
  });

  it('escapes the text in the HTML part and signs both parts', () => {
    const mail = replyMail({ ...request, signature: 'Shop <Support>' }, null);
    expect(mail.text).toBe('Hello <there> & welcome\n\n-- \nShop <Support>');
    expect(mail.html).toContain(
      'Hello &lt;there&gt; &amp; welcome<br><br>-- <br>Shop &lt;Support&gt;',
    );
  });

  it('flattens line breaks in the subject and the From name', () => {
    const mail = replyMail(
      { ...request, subject: 'Re: hi\r\nBcc: x@evil.example', fromName: 'A\nB' },
      null,
    );
    expect(mail.subject).toBe('Re: hi Bcc: x@evil.example');
    expect(mail.from).toEqual({ name: 'A B', address: 'support@shop.example' });
  });
});
