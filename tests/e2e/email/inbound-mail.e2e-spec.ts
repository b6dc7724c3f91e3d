import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { findFreePort } from '@hub/dev-infra';
import { namespacedStream } from '@hub/messaging';
import { ServiceProcess, waitFor } from '@hub/testing';
import { Client } from 'pg';
import {
  createEmailInbox,
  fixtureMail,
  mailWithAttachment,
  selfSignedCertificate,
  zipBomb,
  sendMail,
  SmtpDialogue,
  textMail,
  type EmailInboxFixture,
} from '../support/email';
import { startBlinkingLink } from '../support/blinking-link';
import { startHubSuite, type HubSuite } from '../support/hub-suite';

const MAX_MESSAGE_BYTES = 256 * 1024;
const MAX_ATTACHMENT_BYTES = 100 * 1024;
// The login a relay forwarding mail to us is given.
const RELAY = { user: 'forwarder', pass: randomBytes(12).toString('hex') };

interface StoredMessage {
  conversation_id: string;
  content: string;
  content_type: string;
  channel_message_id: string;
  file_name: string | null;
}

describe('mail in over SMTP', () => {
  let suite: HubSuite;
  let db: Client;
  let smtpPort: number;
  let inbox: EmailInboxFixture;
  let certificateDir: string;

  beforeAll(async () => {
    smtpPort = await findFreePort();
    certificateDir = mkdtempSync(path.join(tmpdir(), 'hub-smtp-tls-'));
    const certificate = selfSignedCertificate(certificateDir);
    suite = await startHubSuite('email_in', ['conversation', 'crm', 'connector-email'], {
      SMTP_PORT: String(smtpPort),
      SMTP_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
      EMAIL_MAX_ATTACHMENT_BYTES: String(MAX_ATTACHMENT_BYTES),
      SMTP_TLS_KEY_FILE: certificate.keyFile,
      SMTP_TLS_CERT_FILE: certificate.certFile,
      SMTP_AUTH_USER: RELAY.user,
      SMTP_AUTH_PASSWORD: RELAY.pass,
    });
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    inbox = await createEmailInbox(suite.database.url);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
    if (certificateDir) rmSync(certificateDir, { recursive: true, force: true });
  });

  const messagesOf = async (channelMessageIdPrefix: string): Promise<StoredMessage[]> => {
    const { rows } = await db.query<StoredMessage>(
      `SELECT m.conversation_id, m.content, m.content_type, m.channel_message_id, f.name AS file_name
         FROM conversation.messages m LEFT JOIN conversation.files f ON f.id = m.attachment_file_id
        WHERE m.inbox_id = $1 AND m.channel_message_id LIKE $2
        ORDER BY m.seq`,
      [inbox.inboxId, `${channelMessageIdPrefix}%`],
    );
    return rows;
  };

  const stored = async (messageId: string, count = 1): Promise<StoredMessage[]> => {
    await waitFor(
      async () => (await messagesOf(messageId)).length >= count,
      20_000,
      () => `${messageId} not stored`,
    );
    return messagesOf(messageId);
  };

  const newMessageId = () => `${randomUUID()}@sender.example`;

  /**
   * Sends one more mail from `sender` and waits until it is stored: the sender's earlier mails
   * have been handled by then (one sender's mails are stored in the order accepted).
   */
  const settleMailsOf = async (sender: string): Promise<void> => {
    const marker = newMessageId();
    await sendMail(smtpPort, {
      from: sender,
      to: [inbox.address],
      raw: textMail({ From: sender, Subject: 'marker', 'Message-ID': `<${marker}>` }, 'm'),
    });
    await stored(marker);
  };

  it('stores a GB2312 mail from Foxmail as the sender’s message, on a customer found by address', async () => {
    const messageId = newMessageId();
    const sent = await sendMail(smtpPort, {
      from: 'xiaoming.wang@qq.example',
      to: [inbox.address],
      raw: fixtureMail('gb2312-foxmail.eml', { to: inbox.address, messageId }),
    });
    expect(sent.response).toMatch(/^250 /);
    const [message] = await stored(messageId);
    expect(message.content).toBe('您好，我的订单 #1042 还没有发货，请帮忙查一下。\n谢谢！\n王小明');
    const { rows } = await db.query<{ name: string; email: string; external_id: string }>(
      `SELECT c.name, c.email, i.external_id
         FROM conversation.conversations v
         JOIN crm.customers c ON c.id = v.customer_id
         JOIN crm.customer_identities i ON i.customer_id = c.id AND i.channel = 'email'
        WHERE v.id = $1`,
      [message.conversation_id],
    );
    expect(rows).toEqual([
      {
        name: '王小明',
        email: 'xiaoming.wang@qq.example',
        external_id: 'xiaoming.wang@qq.example',
      },
    ]);
  });

  it('refuses a recipient no email inbox receives with 550 at RCPT', async () => {
    await expect(
      sendMail(smtpPort, {
        from: 'a@sender.example',
        to: ['nobody@shop.example'],
        raw: textMail({ Subject: 'hi', 'Message-ID': `<${newMessageId()}>` }, 'hello'),
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it('announces SIZE and refuses a larger mail with 552, then keeps serving', async () => {
    const dialogue = await SmtpDialogue.open(smtpPort);
    try {
      expect(await dialogue.command('EHLO sender.example')).toMatch(
        new RegExp(`^250[- ]SIZE ${MAX_MESSAGE_BYTES}\r?$`, 'm'),
      );
    } finally {
      dialogue.close();
    }
    const big = textMail(
      { Subject: 'big', 'Message-ID': `<${newMessageId()}>`, From: 'a@sender.example' },
      'x'.repeat(MAX_MESSAGE_BYTES + 1024),
    );
    await expect(
      sendMail(smtpPort, { from: 'a@sender.example', to: [inbox.address], raw: big }),
    ).rejects.toMatchObject({ responseCode: 552 });
    const messageId = newMessageId();
    await sendMail(smtpPort, {
      from: 'a@sender.example',
      to: [inbox.address],
      raw: textMail(
        { Subject: 'small', 'Message-ID': `<${messageId}>`, From: 'a@sender.example' },
        'ok',
      ),
    });
    expect((await stored(messageId))[0].content).toBe('ok');
  });

  it('stores a mail delivered twice (same Message-ID) once', async () => {
    const messageId = newMessageId();
    const raw = fixtureMail('euc-kr.eml', { to: inbox.address, messageId });
    await sendMail(smtpPort, { from: 'kim@naver.example', to: [inbox.address], raw });
    await sendMail(smtpPort, { from: 'kim@naver.example', to: [inbox.address], raw });
    await settleMailsOf('kim@naver.example');
    expect(await messagesOf(messageId)).toHaveLength(1);
  });

  it('keeps an allowed attachment as its own message and notes one of a refused type', async () => {
    const messageId = newMessageId();
    await sendMail(smtpPort, {
      from: 'suzuki@au.example',
      to: [inbox.address],
      raw: fixtureMail('shift-jis-attachments.eml', { to: inbox.address, messageId }),
    });
    const [text, image] = await stored(messageId, 2);
    expect(text.content).toBe(
      '添付の画像をご確認ください。\n[attachment "invoice.pdf.exe" not kept: type not allowed]',
    );
    expect(image).toMatchObject({ content_type: 'image', file_name: 'screen.png' });
  });

  it('keeps a Big5 Outlook mail’s sanitized HTML beside its text', async () => {
    const messageId = newMessageId();
    await sendMail(smtpPort, {
      from: 'chen@hinet.example',
      to: [inbox.address],
      raw: fixtureMail('big5-outlook.eml', { to: inbox.address, messageId }),
    });
    const [message] = await stored(messageId);
    expect(message).toMatchObject({
      content: '請問這個商品有現貨嗎？',
      content_type: 'file',
      file_name: 'message.html',
    });
  });

  it('threads a reply into the resolved conversation it answers, a new subject into a new one, and a known subject back', async () => {
    const sender = `thread-${randomBytes(3).toString('hex')}@sender.example`;
    const first = newMessageId();
    await sendMail(smtpPort, {
      from: sender,
      to: [inbox.address],
      raw: textMail(
        { From: sender, Subject: 'Order 42', 'Message-ID': `<${first}>` },
        'Where is it?',
      ),
    });
    const [opening] = await stored(first);
    await db.query(
      `UPDATE conversation.conversations SET status = 'resolved', resolved_at = now() WHERE id = $1`,
      [opening.conversation_id],
    );
    const other = newMessageId();
    await sendMail(smtpPort, {
      from: sender,
      to: [inbox.address],
      raw: textMail({ From: sender, Subject: 'Invoice', 'Message-ID': `<${other}>` }, 'New topic'),
    });
    const [unrelated] = await stored(other);
    expect(unrelated.conversation_id).not.toBe(opening.conversation_id);
    await db.query(
      `UPDATE conversation.conversations SET status = 'resolved', resolved_at = now() WHERE id = $1`,
      [unrelated.conversation_id],
    );
    const reply = newMessageId();
    await sendMail(smtpPort, {
      from: sender,
      to: [inbox.address],
      raw: textMail(
        {
          From: sender,
          Subject: 'Re: something else entirely',
          'Message-ID': `<${reply}>`,
          'In-Reply-To': `<${first}>`,
          References: `<${first}>`,
        },
        'Still waiting',
      ),
    });
    expect((await stored(reply))[0].conversation_id).toBe(opening.conversation_id);

    // Without references, the subject of a recent thread of the sender's continues it.
    await db.query(`UPDATE conversation.conversations SET status = 'resolved' WHERE id = $1`, [
      opening.conversation_id,
    ]);
    const again = newMessageId();
    await sendMail(smtpPort, {
      from: sender,
      to: [inbox.address],
      raw: textMail(
        { From: sender, Subject: '回复：Order 42', 'Message-ID': `<${again}>` },
        'Hello?',
      ),
    });
    expect((await stored(again))[0].conversation_id).toBe(opening.conversation_id);
  });

  it('stores a zip bomb as the small file it is, and leaves out an attachment over the limit', async () => {
    const bomb = newMessageId();
    await sendMail(smtpPort, {
      from: 'bomb@sender.example',
      to: [inbox.address],
      raw: mailWithAttachment(
        { From: 'bomb@sender.example', Subject: 'zip', 'Message-ID': `<${bomb}>` },
        'see attached',
        { name: 'bomb.zip', type: 'application/zip', content: zipBomb(50 * 1024 * 1024) },
      ),
    });
    const [, zip] = await stored(bomb, 2);
    expect(zip).toMatchObject({ content_type: 'file', file_name: 'bomb.zip' });
    const { rows } = await db.query<{ size: string }>(
      `SELECT f.size FROM conversation.files f WHERE f.name = 'bomb.zip' AND f.workspace_id = $1`,
      [inbox.workspaceId],
    );
    expect(Number(rows[0].size)).toBeLessThan(100 * 1024);

    const big = newMessageId();
    await sendMail(smtpPort, {
      from: 'big@sender.example',
      to: [inbox.address],
      raw: mailWithAttachment(
        { From: 'big@sender.example', Subject: 'pdf', 'Message-ID': `<${big}>` },
        'the report',
        {
          name: 'report.pdf',
          type: 'application/pdf',
          content: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, '%PDF-'),
        },
      ),
    });
    await settleMailsOf('big@sender.example');
    expect((await messagesOf(big)).map((m) => m.content)).toEqual([
      'the report\n[attachment "report.pdf" not kept: over 100 KB]',
    ]);
  });

  it('takes mail over STARTTLS, and from a relay that logs in (a wrong password gets 535)', async () => {
    const messageId = newMessageId();
    const mail = {
      from: 'relay@forwarder.example',
      to: [inbox.address],
      raw: textMail(
        { From: 'relay@forwarder.example', Subject: 'fw', 'Message-ID': `<${messageId}>` },
        'via TLS',
      ),
    };
    const sent = await sendMail(smtpPort, mail, {
      tls: true,
      auth: { user: RELAY.user, pass: RELAY.pass },
    });
    expect(sent.response).toMatch(/^250 /);
    expect((await stored(messageId))[0].content).toBe('via TLS');
    await expect(
      sendMail(smtpPort, mail, { tls: true, auth: { user: RELAY.user, pass: 'wrong' } }),
    ).rejects.toMatchObject({ responseCode: 535 });
  });

  it('stores a malformed mail with 8-bit garbage headers and no From under its envelope sender', async () => {
    const raw = fixtureMail('malformed-8bit.eml', { to: inbox.address });
    const sent = await sendMail(smtpPort, {
      from: 'garbage@sender.example',
      to: [inbox.address],
      raw,
    });
    const queuedAs = /queued as (\S+)/.exec(sent.response)?.[1] ?? '';
    const [message] = await stored(queuedAs);
    expect(message.content).toContain('body text');
    // The same bytes again (no Message-ID to go by) are the same mail.
    await sendMail(smtpPort, { from: 'garbage@sender.example', to: [inbox.address], raw });
    await settleMailsOf('garbage@sender.example');
    expect(await messagesOf(queuedAs)).toHaveLength(1);
  });

  it('takes a mail for thousands of recipients for its own inbox only, refusing the rest', async () => {
    const strangers = Array.from({ length: 2_000 }, (_, i) => `person${i}@elsewhere.example`);
    const messageId = newMessageId();
    const sent = await sendMail(smtpPort, {
      from: 'spam@sender.example',
      to: [inbox.address, ...strangers],
      raw: textMail(
        { From: 'spam@sender.example', Subject: 'all', 'Message-ID': `<${messageId}>` },
        'hi',
      ),
    });
    expect(sent.rejected).toHaveLength(strangers.length);
    expect(await stored(messageId)).toHaveLength(1);
  });

  it('answers 451 while NATS is down, and stores the retried mail once it is back', async () => {
    const messageId = newMessageId();
    const mail = {
      from: 'zhang@sina.example',
      to: [inbox.address],
      raw: fixtureMail('gb18030.eml', { to: inbox.address, messageId }),
    };
    await suite.hub.nats.server.stop();
    try {
      await expect(sendMail(smtpPort, mail)).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      await suite.hub.nats.server.restart();
    }
    await suite.hub.service('connector-email').waitUntilReady(true, 60_000);
    await suite.hub.service('conversation').waitUntilReady(true, 60_000);
    const sent = await sendMail(smtpPort, mail);
    expect(sent.response).toMatch(/^250 /);
    const [message] = await stored(messageId);
    expect(message.content).toBe('退款金额是 €25，备注：𠀀 字符也要显示。');
  });

  it('stores once a mail whose connector was killed after DATA and before its 250, once the sender retries', async () => {
    // NATS reached through a relay that can hold the server's answers back.
    const relay = await startBlinkingLink(suite.hub.nats.url);
    const port = await findFreePort();
    const replica = new ServiceProcess({
      name: 'connector-email',
      port: await findFreePort(),
      env: {
        DATABASE_URL: suite.database.url,
        HUB_NAMESPACE: suite.namespace,
        ...suite.hub.nats.serviceEnv('connector-email'),
        NATS_URL: relay.url.replace(/^http/, 'nats'),
        SMTP_PORT: String(port),
        FILES_SIGNING_SECRET: randomBytes(32).toString('hex'),
        FILES_DIR: `/tmp/hub-files-${suite.namespace}`,
      },
    }).start();
    try {
      await replica.waitUntilReady(true, 60_000);
      const messageId = newMessageId();
      const raw = fixtureMail('iso-2022-jp.eml', { to: inbox.address, messageId });
      const jsm = await jetstreamManager(suite.nc);
      const stream = namespacedStream(suite.namespace, 'INBOUND');
      const before = (await jsm.streams.info(stream)).state.messages;

      const dialogue = await SmtpDialogue.open(port);
      await dialogue.command('EHLO sender.example');
      expect(await dialogue.command('MAIL FROM:<tanaka@docomo.example>')).toMatch(/^250/);
      expect(await dialogue.command(`RCPT TO:<${inbox.address}>`)).toMatch(/^250/);
      expect(await dialogue.command('DATA')).toMatch(/^354/);
      relay.holdReplies();
      dialogue.write(`${raw.toString('latin1').replace(/\r?\n/g, '\r\n')}\r\n.\r\n`);
      // JetStream has the mail; its ack is held, so the connector cannot have answered.
      await waitFor(
        async () => (await jsm.streams.info(stream)).state.messages > before,
        20_000,
        () => 'the mail never reached the stream',
      );
      expect(dialogue.pending()).toBe('');
      await replica.stop('SIGKILL');
      await waitFor(
        () => dialogue.closed,
        10_000,
        () => 'the session outlived its connector',
      );
      expect(dialogue.pending()).toBe('');

      const retried = await sendMail(smtpPort, {
        from: 'tanaka@docomo.example',
        to: [inbox.address],
        raw,
      });
      expect(retried.response).toMatch(/^250 /);
      await settleMailsOf('tanaka@docomo.example');
      const messages = await messagesOf(messageId);
      expect(messages.map((m) => m.content)).toEqual([
        'お世話になっております。\n注文番号 A-778 の配送状況を教えてください。',
      ]);
    } finally {
      await replica.stop('SIGKILL').catch(() => undefined);
      await relay.close();
    }
  });
});
