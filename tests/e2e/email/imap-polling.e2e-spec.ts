import { randomBytes, randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { createTestDatabase, testRunId, waitFor, type TestDatabase } from '@hub/testing';
import { Client } from 'pg';
import { Dovecot, type ImapAccount } from '../support/dovecot';
import { createEmailInbox, fixtureMail, textMail, type EmailInboxFixture } from '../support/email';
import { TestHub } from '../support/test-hub';

const SECRETS_KEY = randomBytes(32).toString('hex');

describe('mail polled over IMAP from a mailbox hosted elsewhere', () => {
  const support: ImapAccount = { user: 'support', password: randomBytes(9).toString('hex') };
  const locked: ImapAccount = { user: 'locked', password: randomBytes(9).toString('hex') };
  let dovecot: Dovecot;
  let database: TestDatabase;
  let hub: TestHub;
  let db: Client;
  let inbox: EmailInboxFixture;
  let mailbox: ImapFlow;

  beforeAll(async () => {
    dovecot = await Dovecot.start([support, locked]);
    database = await createTestDatabase('email_imap');
    // No NATS connection of the test's own: everything is seen in PostgreSQL.
    hub = await TestHub.start({
      databaseUrl: database.url,
      namespace: `${testRunId()}_email_imap`,
      services: ['conversation', 'crm', 'connector-email'],
      env: { SECRETS_KEY, IMAP_POLL_INTERVAL_MS: '500' },
    });
    db = new Client({ connectionString: database.url });
    await db.connect();
    const imap = { host: '127.0.0.1', port: dovecot.port, secretsKey: SECRETS_KEY };
    // An inbox whose stored password the server refuses: its mailbox is skipped, no other.
    await createEmailInbox(database.url, {
      imap: { ...imap, user: locked.user, password: 'not-the-password' },
    });
    inbox = await createEmailInbox(database.url, { imap: { ...imap, ...support } });
    mailbox = new ImapFlow({
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      auth: { user: support.user, pass: support.password },
      logger: false,
    });
    await mailbox.connect();
  }, 180_000);

  afterAll(async () => {
    await mailbox?.logout();
    await db?.end();
    await hub?.stop();
    await database?.drop();
    await dovecot?.stop();
  });

  const deliver = async (raw: Buffer | string): Promise<void> => {
    await mailbox.append('INBOX', raw);
  };

  const contentsOf = async (messageId: string): Promise<string[]> => {
    const { rows } = await db.query<{ content: string }>(
      `SELECT content FROM conversation.messages WHERE inbox_id = $1 AND channel_message_id = $2`,
      [inbox.inboxId, messageId],
    );
    return rows.map((row) => row.content);
  };

  const storedOnce = async (messageId: string): Promise<string> => {
    await waitFor(
      async () => (await contentsOf(messageId)).length > 0,
      20_000,
      () => `${messageId} not stored`,
    );
    const contents = await contentsOf(messageId);
    expect(contents).toHaveLength(1);
    return contents[0];
  };

  const cursor = async (): Promise<{ last_uid: string } | undefined> =>
    (
      await db.query<{ last_uid: string }>(
        `SELECT last_uid FROM email.imap_cursors WHERE inbox_id = $1`,
        [inbox.inboxId],
      )
    ).rows[0];

  const plainMail = (messageId: string, body: string) =>
    textMail(
      {
        From: 'Li Lei <lilei@163.example>',
        To: inbox.address,
        Subject: '订单查询',
        'Message-ID': `<${messageId}>`,
      },
      body,
    );

  it('takes in mail of every charset from the mailbox, once each, and leaves the mailbox unread', async () => {
    const gb2312 = `${randomUUID()}@foxmail.example`;
    const utf8 = `${randomUUID()}@163.example`;
    await deliver(fixtureMail('gb2312-foxmail.eml', { to: inbox.address, messageId: gb2312 }));
    await deliver(plainMail(utf8, '我的订单什么时候发货？'));

    expect(await storedOnce(gb2312)).toContain('发货');
    expect(await storedOnce(utf8)).toBe('我的订单什么时候发货？');
    await waitFor(async () => (await cursor())?.last_uid === '2', 10_000);
    // Read-only: the customer's mailbox keeps its unread state for whoever else reads it.
    const lock = await mailbox.getMailboxLock('INBOX');
    try {
      for await (const message of mailbox.fetch('1:*', { flags: true })) {
        expect([...(message.flags ?? [])]).not.toContain('\\Seen');
      }
    } finally {
      lock.release();
    }
    // The refused login is answered after Dovecot's failure delay (2 s).
    await waitFor(
      () => hub.service('connector-email').logs.some((l) => l.msg === 'IMAP mailbox not read'),
      10_000,
      () => 'the mailbox with the wrong password was never reported',
    );
  });

  it('reads nothing twice and skips nothing across a kill -9 of the connector', async () => {
    const connector = hub.service('connector-email');
    const before = `${randomUUID()}@163.example`;
    await deliver(plainMail(before, 'before the crash'));
    await storedOnce(before);

    await connector.stop('SIGKILL');
    const whileDown = [`${randomUUID()}@163.example`, `${randomUUID()}@163.example`];
    for (const [i, id] of whileDown.entries()) await deliver(plainMail(id, `while down ${i}`));
    connector.start();
    await connector.waitUntilReady(true, 60_000);

    expect(await storedOnce(whileDown[0])).toBe('while down 0');
    expect(await storedOnce(whileDown[1])).toBe('while down 1');
    expect(await contentsOf(before)).toHaveLength(1);
    await waitFor(async () => (await cursor())?.last_uid === '5', 10_000);
  });

  it('passes over a mail it can never take and goes on with the next', async () => {
    const after = `${randomUUID()}@163.example`;
    // No From and no envelope sender: nobody to answer, refused for good.
    await deliver(textMail({ Subject: 'no sender', 'Message-ID': `<${randomUUID()}@x>` }, '?'));
    await deliver(plainMail(after, 'after the unusable one'));
    expect(await storedOnce(after)).toBe('after the unusable one');
    await waitFor(async () => (await cursor())?.last_uid === '7', 10_000);
  });
});
