import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '@hub/dev-infra';
import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { startBrowserHub, type BrowserHub } from '../support/browser-hub';
import { simpleParser } from 'mailparser';
import { createEmailInbox, sendMail, SmtpSink, type EmailInboxFixture } from '../support/email';
import { inboxText, openInbox, type InboxAgent } from '../support/inbox';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

/** Markup no inbox may run or show: script, handlers, javascript: links, CSS, frames, forms. */
function hostileHtml(pixelUrl: string): string {
  return [
    '<html><head><style>body { display: none }</style><title>t</title></head><body>',
    '<p>Hello <b>bold</b> 你好 こんにちは</p>',
    "<script>alert('script')</script>",
    `<img src="x" onerror="alert('img')">`,
    `<a id="js" href="javascript:alert('link')">js link</a>`,
    `<a id="order" href="https://shop.example/order/42" onclick="alert('click')">order</a>`,
    `<img src="${pixelUrl}" alt="logo">`,
    '<div style="position:fixed;top:0;left:0;width:100%;height:100%;background:red">cover</div>',
    `<iframe src="${pixelUrl}"></iframe>`,
    `<form action="${pixelUrl}"><input name="q"><button>go</button></form>`,
    `<svg><animate onbegin="alert('svg')"/></svg>`,
    '</body></html>',
  ].join('\n');
}

/** A multipart/alternative mail: the text part, and the hostile HTML part. */
function htmlMail(to: string, from: string, messageId: string, html: string): string {
  const boundary = `b-${randomUUID()}`;
  return [
    `From: ${from}`,
    `To: ${to}`,
    'Subject: Formatted',
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello bold (the text part)',
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

interface StoredFile {
  id: string;
  path: string;
}

describe('an email conversation in the inbox', () => {
  const filesDir = path.join(tmpdir(), `hub-files-email-html-${randomUUID()}`);
  let hub: BrowserHub;
  let workspace: WorkspaceFixture;
  let inbox: EmailInboxFixture;
  let smtpPort: number;
  let pixel: Server;
  let pixelUrl: string;
  // Connections to it: an https:// image would open one before any request could be read.
  let pixelConnections = 0;
  let sue: InboxAgent | undefined;
  let sink: SmtpSink;

  beforeAll(async () => {
    smtpPort = await findFreePort();
    sink = await SmtpSink.start();
    hub = await startBrowserHub(
      'email_html',
      { SMTP_PORT: String(smtpPort), FILES_DIR: filesDir, SMTP_RELAY_URL: sink.url },
      ['connector-email'],
    );
    workspace = await createWorkspace(hub.suite.database.url, { sue: AgentRole.Supervisor });
    inbox = await createEmailInbox(hub.suite.database.url, { workspaceId: workspace.id });
    // A remote image's server: the inbox must never ask it for anything.
    pixel = createServer((_request, response) => response.end());
    pixel.on('connection', () => (pixelConnections += 1));
    await new Promise<void>((resolve) => pixel.listen(0, '127.0.0.1', resolve));
    // https, as connector-email's sanitizer keeps remote images only over https.
    pixelUrl = `https://127.0.0.1:${(pixel.address() as AddressInfo).port}/pixel.png`;
  }, 180_000);

  afterEach(async () => {
    await sue?.screenshot('email-html-last-state').catch(() => undefined);
  });

  afterAll(async () => {
    await sue?.close();
    pixel?.close();
    await hub?.stop();
    await sink?.close();
  });

  /** The conversation and the stored HTML file of a mail, once conversation has stored it. */
  async function stored(messageId: string): Promise<{ conversationId: string; file: StoredFile }> {
    const db = new Client({ connectionString: hub.suite.database.url });
    await db.connect();
    try {
      let found: { conversation_id: string; file_id: string; storage_key: string } | undefined;
      await waitFor(
        async () => {
          const { rows } = await db.query<NonNullable<typeof found>>(
            `SELECT m.conversation_id, f.id AS file_id, f.storage_key
               FROM conversation.messages m
               JOIN conversation.files f ON f.id = m.attachment_file_id
              WHERE m.channel_message_id = $1`,
            [messageId],
          );
          found = rows[0];
          return found !== undefined;
        },
        30_000,
        () => `the mail ${messageId} stored with its HTML`,
      );
      return {
        conversationId: found!.conversation_id,
        file: { id: found!.file_id, path: path.join(filesDir, found!.storage_key) },
      };
    } finally {
      await db.end();
    }
  }

  /** Puts `html` in place of a stored file's bytes (and its recorded size, which is served). */
  async function overwrite(file: StoredFile, html: string): Promise<void> {
    const bytes = Buffer.from(html, 'utf8');
    writeFileSync(file.path, bytes);
    const db = new Client({ connectionString: hub.suite.database.url });
    await db.connect();
    try {
      await db.query('UPDATE conversation.files SET size = $2 WHERE id = $1', [
        file.id,
        bytes.length,
      ]);
    } finally {
      await db.end();
    }
  }

  /** Opens the conversation and waits for the mail's formatted body. */
  async function openMail(conversationId: string) {
    sue ??= await openInbox(hub, workspace, workspace.agents.sue);
    await sue.page.goto(`${hub.suite.hub.service('gateway').url}/conversations/${conversationId}`);
    const body = sue.page.locator('.email-html');
    await body.getByText('bold').waitFor({ timeout: 15_000 });
    return body;
  }

  /** Nothing of the hostile markup ran, loaded or survived as markup. */
  async function expectHarmless(body: ReturnType<InboxAgent['page']['locator']>) {
    const page = sue!.page;
    expect(await body.locator('b').textContent()).toBe('bold');
    await expect(body.textContent()).resolves.toContain('你好 こんにちは');
    for (const selector of ['script', 'style', 'iframe', 'form', 'input', 'svg', 'img']) {
      expect(await body.locator(selector).count()).toBe(0);
    }
    expect(await body.locator('[onerror], [onclick], [onbegin], [style]').count()).toBe(0);
    // The javascript: link lost its href; the https one opens apart, without an opener.
    expect(await body.locator('a', { hasText: 'js link' }).getAttribute('href')).toBeNull();
    const order = body.locator('a', { hasText: 'order' });
    expect(await order.getAttribute('href')).toBe('https://shop.example/order/42');
    expect(await order.getAttribute('target')).toBe('_blank');
    expect(await order.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    // The remote image is its alt text, and the note says one was not loaded.
    await expect(body.textContent()).resolves.toContain('[logo]');
    await page
      .getByText(
        inboxText('en-US', 'conversations', 'view.emailRemoteImagesBlocked').replace(
          '{{count}}',
          '1',
        ),
      )
      .waitFor();
    // The page itself is still shown: the mail's CSS did not hide or cover it.
    await expect(page.locator('body').isVisible()).resolves.toBe(true);
    await order.click({ trial: true });
    expect(sue!.watch.dialogs).toEqual([]);
    expect(sue!.watch.pageErrors).toEqual([]);
    expect(pixelConnections).toBe(0);
  }

  it('shows a hostile mail’s HTML formatted, with nothing of it run or fetched', async () => {
    const messageId = `${randomUUID()}@sender.example`;
    const raw = htmlMail(inbox.address, 'eve@sender.example', messageId, hostileHtml(pixelUrl));
    await sendMail(smtpPort, { from: 'eve@sender.example', to: [inbox.address], raw });
    const { conversationId } = await stored(messageId);

    const body = await openMail(conversationId);
    await expectHarmless(body);
    await sue!.screenshot('email-html');
  });

  it('purifies in the page too: a stored HTML file that was never sanitized stays harmless', async () => {
    const messageId = `${randomUUID()}@sender.example`;
    const raw = htmlMail(inbox.address, 'mal@sender.example', messageId, '<p>placeholder</p>');
    await sendMail(smtpPort, { from: 'mal@sender.example', to: [inbox.address], raw });
    const { conversationId, file } = await stored(messageId);
    // The file's bytes replaced by the raw hostile markup, as a file of unknown origin could be.
    await overwrite(file, hostileHtml(pixelUrl));

    const body = await openMail(conversationId);
    await expectHarmless(body);
  });

  it('mails the transcript to the customer from the conversation’s actions', async () => {
    const messageId = `${randomUUID()}@sender.example`;
    const raw = htmlMail(
      inbox.address,
      'mei@sender.example',
      messageId,
      '<p>Hello <b>bold</b></p>',
    );
    await sendMail(smtpPort, { from: 'mei@sender.example', to: [inbox.address], raw });
    const { conversationId } = await stored(messageId);
    await openMail(conversationId);
    const page = sue!.page;
    const text = (key: string) => inboxText('en-US', 'conversations', key);

    await page.getByRole('button', { name: text('actions.transcript') }).click();
    const dialog = page.getByRole('dialog', { name: text('transcriptMail.title') });
    // A mail conversation's customer is the address offered.
    await expect(dialog.getByLabel(text('transcriptMail.email')).inputValue()).resolves.toBe(
      'mei@sender.example',
    );
    await dialog.getByLabel(text('transcriptMail.language')).selectOption('zh-TW');
    await dialog.getByRole('button', { name: text('transcriptMail.submit') }).click();
    await dialog.getByRole('status').waitFor();
    await sue!.screenshot('transcript-mail-dialog');

    await waitFor(
      () => sink.mails.some((mail) => mail.envelopeTo.includes('mei@sender.example')),
      30_000,
      () => 'the transcript mailed to mei',
    );
    const sunk = sink.mails.find((mail) => mail.envelopeTo.includes('mei@sender.example'))!;
    const mail = await simpleParser(sunk.raw);
    expect(mail.subject).toBe('您與Shop Support的聊天記錄');
    expect(mail.text).toContain('Hello bold');
  });
});
