import { randomUUID } from 'node:crypto';
import { waitFor } from '@hub/testing';
import { simpleParser, type ParsedMail } from 'mailparser';
import { Client } from 'pg';
import { EngageFixture, ENGAGE_SERVICES } from '../engage/engage-fixture';
import { createEmailInbox, SmtpSink, type EmailInboxFixture } from '../support/email';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import type { VisitorClient } from '../support/visitor-client';

describe('a chat’s transcript mailed on request', () => {
  let suite: HubSuite;
  let sink: SmtpSink;
  let db: Client;
  let f: EngageFixture;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    suite = await startHubSuite('transcripts', [...ENGAGE_SERVICES, 'connector-email'], {
      SMTP_RELAY_URL: sink.url,
    });
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  }, 180_000);

  beforeEach(async () => {
    f = await EngageFixture.start(suite);
  });

  afterEach(() => f?.close());

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
    await sink?.close();
  });

  /** The workspace's email inbox, the one transcripts are mailed from. */
  const withEmailInbox = (): Promise<EmailInboxFixture> =>
    createEmailInbox(suite.database.url, { workspaceId: f.workspace.id });

  /** A resolved chat: the visitor's question, ada's answer. */
  async function resolvedChat(): Promise<{ client: VisitorClient; conversationId: string }> {
    const { client, conversationId } = await f.chatWithAda();
    await f.ask(client, '靴のサイズを交換できますか？ 26cmです。');
    const answered = await f.agent.request({
      type: 'message.send',
      conversationId,
      clientMessageId: randomUUID(),
      content: 'はい、交換できます。<b>返送</b>ラベルをお送りします。',
    });
    expect(answered.type).toBe('message.ack');
    await f.resolve(conversationId);
    return { client, conversationId };
  }

  async function mailTo(address: string): Promise<{ raw: string; mail: ParsedMail }> {
    await waitFor(
      () => sink.mails.some((m) => m.envelopeTo.includes(address)),
      30_000,
      () => `no mail to ${address}`,
    );
    const sunk = sink.mails.find((m) => m.envelopeTo.includes(address))!;
    return { raw: sunk.raw.toString('latin1'), mail: await simpleParser(sunk.raw) };
  }

  it('mails the conversation in the visitor’s language, text and HTML, and records it as sent', async () => {
    const inbox = await withEmailInbox();
    const { client, conversationId } = await resolvedChat();
    const to = `yuki-${randomUUID().slice(0, 8)}@customer.example`;

    client.send({
      type: 'transcript.request',
      ref: 't-1',
      conversationId,
      email: to.toUpperCase(),
      language: 'ja',
    });
    expect(await client.next((fr) => fr.ref === 't-1')).toEqual({
      type: 'transcript.ack',
      ref: 't-1',
      conversationId,
    });

    const { raw, mail } = await mailTo(to);
    // The subject is Japanese, sent as an RFC 2047 encoded word.
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(mail.subject).toBe('Shop Supportとのチャット履歴');
    expect(mail.from?.value[0]).toMatchObject({ address: inbox.address, name: 'Shop Support' });
    expect(mail.to).toMatchObject({ value: [{ address: to }] });
    const text = mail.text ?? '';
    expect(text).toContain('Shop Supportとのチャット');
    expect(text).toMatch(/あなた:\n靴のサイズを交換できますか？ 26cmです。/);
    expect(text).toMatch(/ada:\nはい、交換できます。<b>返送<\/b>ラベルをお送りします。/);
    // The HTML part carries the same text, escaped: what the agent typed is never markup there.
    expect(mail.html).toContain('&lt;b&gt;返送&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>返送</b>');

    // The request is a system message of the conversation: the visitor sees it, and its
    // delivery status follows the relay's answer.
    const notice = await client.next(
      (fr) =>
        fr.type === 'message.created' &&
        (fr.message as { senderType: string }).senderType === 'system',
    );
    const noticeId = (notice.message as { id: string }).id;
    expect((notice.message as { content: string }).content).toContain(to);
    await waitFor(
      async () => {
        const { rows } = await db.query<{ delivery_status: string }>(
          'SELECT delivery_status FROM conversation.messages WHERE id = $1',
          [noticeId],
        );
        return rows[0]?.delivery_status === 'sent';
      },
      20_000,
      () => 'the transcript mail reported sent',
    );
  });

  it('refuses a bad address, another visitor’s conversation, a workspace without email, and a fourth mail within the hour', async () => {
    // No email inbox yet: nothing to send from.
    const { client, conversationId } = await resolvedChat();
    const ask = (ref: string, fields: Record<string, unknown>, who = client) => {
      who.send({ type: 'transcript.request', ref, conversationId, language: 'en', ...fields });
      return who.next((fr) => fr.ref === ref);
    };
    expect(await ask('none', { email: 'a@customer.example' })).toMatchObject({
      type: 'error',
      status: 409,
      code: 'TRANSCRIPT_UNAVAILABLE',
    });

    await withEmailInbox();
    const bad = await ask('bad', { email: 'not an address\r\nBcc: x@evil.example' });
    expect(bad).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(bad.fieldErrors)).toContain('email');
    expect(await ask('lang', { email: 'a@customer.example', language: 'fr' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });

    const { client: stranger } = await f.visitor();
    expect(await ask('theirs', { email: 'thief@evil.example' }, stranger)).toMatchObject({
      type: 'error',
      status: 409,
      code: 'TRANSCRIPT_NOT_ALLOWED',
    });

    // The first request above was refused by conversation after it was counted: two more pass.
    for (const ref of ['ok-1', 'ok-2']) {
      expect(await ask(ref, { email: 'a@customer.example' })).toMatchObject({
        type: 'transcript.ack',
      });
    }
    expect(await ask('over', { email: 'a@customer.example' })).toMatchObject({
      type: 'error',
      status: 429,
      code: 'RATE_LIMITED',
    });
    await waitFor(
      () => sink.mails.filter((m) => m.envelopeTo.includes('a@customer.example')).length === 2,
      30_000,
      () => 'the two transcripts mailed',
    );
    expect(sink.mails.some((m) => m.envelopeTo.includes('thief@evil.example'))).toBe(false);
  });

  it('lets the agent mail the transcript to the customer over REST, in the language chosen', async () => {
    await withEmailInbox();
    const { conversationId } = await resolvedChat();
    const path = `/api/v1/conversations/${conversationId}/transcript-mails`;
    const to = `lin-${randomUUID().slice(0, 8)}@customer.example`;

    const refused = await f.api.call<{ code: string; fieldErrors: unknown }>('POST', path, {
      token: f.agentToken,
      body: { email: 'lin@', language: 'zh-CN' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');

    const sent = await f.api.call<{ messageId: string }>('POST', path, {
      token: f.agentToken,
      body: { email: to, language: 'zh-CN' },
    });
    expect(sent.status).toBe(202);
    const { mail } = await mailTo(to);
    expect(mail.subject).toBe('您与Shop Support的聊天记录');
    expect(mail.text).toMatch(/您:\n靴のサイズを交換できますか？/);
    await waitFor(
      async () => {
        const { rows } = await db.query<{ delivery_status: string; sender_type: string }>(
          'SELECT delivery_status, sender_type FROM conversation.messages WHERE id = $1',
          [sent.body.messageId],
        );
        return rows[0]?.sender_type === 'system' && rows[0].delivery_status === 'sent';
      },
      20_000,
      () => 'the agent’s transcript mail reported sent',
    );
  });
});
