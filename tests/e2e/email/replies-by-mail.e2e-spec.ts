import { randomBytes, randomUUID } from 'node:crypto';
import { SUBJECTS, type MessageView } from '@hub/contracts';
import { findFreePort } from '@hub/dev-infra';
import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { simpleParser, type ParsedMail } from 'mailparser';
import { Client } from 'pg';
import {
  createEmailInbox,
  fixtureMail,
  sendMail,
  SmtpSink,
  textMail,
  type EmailInboxFixture,
} from '../support/email';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { nestRequest } from '../support/nest-request';
import { newSession } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

describe('agents’ replies by mail', () => {
  let suite: HubSuite;
  let db: Client;
  let sink: SmtpSink;
  let smtpPort: number;
  let workspace: WorkspaceFixture;
  let inbox: EmailInboxFixture;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    smtpPort = await findFreePort();
    suite = await startHubSuite(
      'email_out',
      // connector-web: messages left in the widget are answered by mail too.
      ['conversation', 'crm', 'routing', 'connector-email', 'connector-web'],
      { SMTP_PORT: String(smtpPort), SMTP_RELAY_URL: sink.url, EMAIL_SEND_MAX_ATTEMPTS: '3' },
    );
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    workspace = await createWorkspace(suite.database.url, { alice: AgentRole.Supervisor });
    inbox = await createEmailInbox(suite.database.url, {
      workspaceId: workspace.id,
      signature: 'Shop Support\nhttps://shop.example',
    });
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
    await sink?.close();
  });

  /** A customer's first mail; resolves with its conversation id once stored. */
  const customerWrites = async (
    customer: string,
    headers: Record<string, string> = {},
  ): Promise<{ conversationId: string; messageId: string }> => {
    const messageId = `${randomUUID()}@customer.example`;
    await sendMail(smtpPort, {
      from: customer,
      to: [inbox.address],
      raw: textMail(
        {
          From: `Lin <${customer}>`,
          Subject: 'Order 7',
          'Message-ID': `<${messageId}>`,
          ...headers,
        },
        'Where is my order?',
      ),
    });
    let conversationId = '';
    await waitFor(
      async () => {
        const { rows } = await db.query<{ conversation_id: string }>(
          `SELECT conversation_id FROM conversation.messages WHERE channel_message_id = $1`,
          [messageId],
        );
        conversationId = rows[0]?.conversation_id ?? '';
        return conversationId !== '';
      },
      20_000,
      () => `${messageId} not stored`,
    );
    return { conversationId, messageId };
  };

  const reply = (conversationId: string, content: string): Promise<MessageView> =>
    nestRequest(suite.nc, suite.namespace, SUBJECTS.conversation.sendAgentMessage, {
      workspaceId: workspace.id,
      conversationId,
      actor: { agentId: workspace.agents.alice.id, role: AgentRole.Supervisor },
      clientMessageId: randomUUID(),
      content,
    });

  const mailTo = async (customer: string, count = 1): Promise<ParsedMail[]> => {
    await waitFor(
      () => sink.mails.filter((m) => m.envelopeTo.includes(customer)).length >= count,
      30_000,
      () => `no mail to ${customer}`,
    );
    return Promise.all(
      sink.mails.filter((m) => m.envelopeTo.includes(customer)).map((m) => simpleParser(m.raw)),
    );
  };

  const deliveryOf = async (
    messageId: string,
    expected: string,
  ): Promise<{ delivery_status: string; delivery_error: string | null }> => {
    let row = { delivery_status: '', delivery_error: null as string | null };
    await waitFor(
      async () => {
        const { rows } = await db.query<typeof row>(
          `SELECT delivery_status, delivery_error FROM conversation.messages WHERE id = $1`,
          [messageId],
        );
        row = rows[0];
        return row?.delivery_status === expected;
      },
      30_000,
      () => `delivery of ${messageId} is ${row?.delivery_status}, not ${expected}`,
    );
    return row;
  };

  const resolve = (conversationId: string) =>
    db.query(`UPDATE conversation.conversations SET status = 'resolved' WHERE id = $1`, [
      conversationId,
    ]);

  const newCustomer = () => `c-${randomBytes(4).toString('hex')}@customer.example`;

  it('mails the reply in the thread, From the inbox with the agent’s name, and marks it sent', async () => {
    const customer = newCustomer();
    const { conversationId, messageId: customerMessageId } = await customerWrites(customer);
    const sent = await reply(conversationId, 'It ships today.\n<b>not markup</b>');
    expect(sent.deliveryStatus).toBe('pending');

    const [mail] = await mailTo(customer);
    const domain = inbox.address.split('@')[1];
    expect(mail.from?.value).toEqual([{ name: 'alice (Shop Support)', address: inbox.address }]);
    expect(mail.subject).toBe('Re: Order 7');
    expect(mail.messageId).toBe(`<${sent.id}@${domain}>`);
    expect(mail.inReplyTo).toBe(`<${customerMessageId}>`);
    expect(mail.references).toBe(`<${customerMessageId}>`);
    expect(mail.replyTo?.value[0].address).toBe(
      inbox.address.replace('@', `+${conversationId.replaceAll('-', '')}@`),
    );
    expect(mail.text).toBe(
      'It ships today.\n<b>not markup</b>\n\n-- \nShop Support\nhttps://shop.example',
    );
    expect(mail.html).toContain('&lt;b&gt;not markup&lt;/b&gt;');
    expect(await deliveryOf(sent.id, 'sent')).toEqual({
      delivery_status: 'sent',
      delivery_error: null,
    });
  });

  it('threads the customer’s answer to our reply back into its conversation after it was resolved', async () => {
    const customer = newCustomer();
    const { conversationId } = await customerWrites(customer);
    const sent = await reply(conversationId, 'Done.');
    const [mail] = await mailTo(customer);
    await deliveryOf(sent.id, 'sent');
    await resolve(conversationId);
    const answer = await customerWrites(customer, {
      Subject: 'Re: totally different words',
      'In-Reply-To': mail.messageId!,
      References: mail.messageId!,
    });
    expect(answer.conversationId).toBe(conversationId);
  });

  it('threads by the reply token of the Reply-To address when the references are gone', async () => {
    const customer = newCustomer();
    const { conversationId } = await customerWrites(customer);
    await resolve(conversationId);
    const messageId = `${randomUUID()}@customer.example`;
    await sendMail(smtpPort, {
      from: customer,
      to: [inbox.address.replace('@', `+${conversationId.replaceAll('-', '')}@`)],
      raw: textMail({ From: customer, Subject: 'new words', 'Message-ID': `<${messageId}>` }, 'hi'),
    });
    await waitFor(
      async () =>
        (
          await db.query(
            `SELECT 1 FROM conversation.messages WHERE channel_message_id = $1 AND conversation_id = $2`,
            [messageId, conversationId],
          )
        ).rowCount === 1,
      20_000,
      () => 'the answer did not join its conversation',
    );
  });

  it('retries a relay’s temporary refusals, then sends', async () => {
    const customer = newCustomer();
    const { conversationId } = await customerWrites(customer);
    sink.refuseNext(2);
    const sent = await reply(conversationId, 'Third time lucky');
    expect((await mailTo(customer))[0].text).toContain('Third time lucky');
    await deliveryOf(sent.id, 'sent');
  });

  it('marks a reply the relay refuses for good failed, with the relay’s answer', async () => {
    const customer = newCustomer();
    const { conversationId } = await customerWrites(customer);
    sink.refuseRecipient(customer);
    const sent = await reply(conversationId, 'Hello?');
    const { delivery_error } = await deliveryOf(sent.id, 'failed');
    expect(delivery_error).toContain('550 5.1.1 No such user');
  });

  it('marks a sent reply failed when its bounce comes back, and stores no message for the bounce', async () => {
    const customer = newCustomer();
    const { conversationId } = await customerWrites(customer);
    const sent = await reply(conversationId, 'Bye');
    const [mail] = await mailTo(customer);
    await deliveryOf(sent.id, 'sent');
    const dsn = fixtureMail('dsn-bounce.eml', { to: inbox.address }).toString('latin1');
    await sendMail(smtpPort, {
      from: '',
      to: [inbox.address],
      raw: dsn.replace('<aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee@shop.example>', mail.messageId!),
    });
    const { delivery_error } = await deliveryOf(sent.id, 'failed');
    expect(delivery_error).toContain('Bounced: 5.1.1');
    const { rows } = await db.query(
      `SELECT 1 FROM conversation.messages WHERE channel_message_id = '20261130152000.ABC12@mx.example.net'`,
    );
    expect(rows).toHaveLength(0);
  });

  describe('a message left in the widget', () => {
    const web = () => new GatewayApi(suite.hub.service('connector-web').url);
    const leaveMessage = async (token: string, email: string) => {
      const response = await web().call<{ ticketId: string }>(
        'POST',
        '/api/v1/widget/offline-messages',
        {
          body: {
            token,
            name: 'Yuki',
            email,
            message: 'サイズ交換できますか？\n26cmを注文しました。',
            clientMessageId: 'offline-1',
          },
        },
      );
      expect(response.status).toBe(201);
      return response.body.ticketId;
    };

    it('is answered by mail in a thread linked to its ticket, and the customer’s reply mail comes back to it', async () => {
      const customer = newCustomer();
      const session = await newSession(suite.hub.service('connector-web').url, workspace.inboxId);
      const ticketId = await leaveMessage(session.token, customer.toUpperCase());
      // The widget resending it makes neither a second ticket nor a second message.
      expect(await leaveMessage(session.token, customer)).toBe(ticketId);

      const ticket = await nestRequest(suite.nc, suite.namespace, SUBJECTS.crm.getTicket, {
        workspaceId: workspace.id,
        ticketId,
      });
      expect(ticket.conversationIds).toHaveLength(1);
      const [conversationId] = ticket.conversationIds;
      const { rows: stored } = await db.query<{ content: string; channel_message_id: string }>(
        `SELECT m.content, m.channel_message_id FROM conversation.messages m
           JOIN conversation.conversations c ON c.id = m.conversation_id
          WHERE c.id = $1 AND c.inbox_id = $2 AND c.customer_external_id = $3`,
        [conversationId, inbox.inboxId, customer],
      );
      expect(stored.map((row) => row.content)).toEqual([
        'サイズ交換できますか？\n26cmを注文しました。',
      ]);
      expect(stored[0].channel_message_id).toMatch(/^offline-message\.[0-9a-f]{32}@shop\.example$/);

      const sent = await reply(conversationId, 'はい、交換できます。');
      const [mail] = await mailTo(customer);
      const domain = inbox.address.split('@')[1];
      expect(mail.from?.value).toEqual([{ name: 'alice (Shop Support)', address: inbox.address }]);
      expect(mail.to).toMatchObject({ value: [{ name: '', address: customer }] });
      expect(mail.subject).toBe('Re: サイズ交換できますか？');
      expect(mail.messageId).toBe(`<${sent.id}@${domain}>`);
      expect(mail.inReplyTo).toBe(`<${stored[0].channel_message_id}>`);
      expect(mail.replyTo?.value[0].address).toBe(
        inbox.address.replace('@', `+${conversationId.replaceAll('-', '')}@`),
      );
      expect(mail.text).toContain('はい、交換できます。');
      await deliveryOf(sent.id, 'sent');

      await resolve(conversationId);
      const answer = await customerWrites(customer, {
        Subject: 'Re: サイズ交換できますか？',
        'In-Reply-To': mail.messageId!,
        References: `<${stored[0].channel_message_id}> ${mail.messageId!}`,
      });
      expect(answer.conversationId).toBe(conversationId);
    });
    it('goes to the email inbox the web inbox names when the workspace has several', async () => {
      const other = await createWorkspace(suite.database.url, { bo: AgentRole.Agent });
      await createEmailInbox(suite.database.url, { workspaceId: other.id });
      const named = await createEmailInbox(suite.database.url, { workspaceId: other.id });
      await db.query(`UPDATE conversation.inboxes SET settings = $2 WHERE id = $1`, [
        other.inboxId,
        JSON.stringify({ widget: { offlineEmailInboxId: named.inboxId } }),
      ]);
      const session = await newSession(web().baseUrl, other.inboxId);
      const ticketId = await leaveMessage(session.token, newCustomer());

      const ticket = await nestRequest(suite.nc, suite.namespace, SUBJECTS.crm.getTicket, {
        workspaceId: other.id,
        ticketId,
      });
      const { rows } = await db.query<{ inbox_id: string }>(
        `SELECT inbox_id FROM conversation.conversations WHERE id = ANY($1)`,
        [ticket.conversationIds],
      );
      expect(rows).toEqual([{ inbox_id: named.inboxId }]);
    });
  });

  it('keeps a line break in the subject from adding a header', async () => {
    const customer = newCustomer();
    const { conversationId } = await customerWrites(customer);
    await db.query(`UPDATE conversation.conversations SET subject = $2 WHERE id = $1`, [
      conversationId,
      'Hi\r\nBcc: thief@evil.example',
    ]);
    await reply(conversationId, 'ok');
    const [mail] = await mailTo(customer);
    expect(mail.subject).toBe('Re: Hi Bcc: thief@evil.example');
    expect(mail.headers.has('bcc')).toBe(false);
    expect(sink.mails.some((m) => m.envelopeTo.includes('thief@evil.example'))).toBe(false);
  });
});
