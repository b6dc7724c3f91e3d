import { randomBytes, randomUUID } from 'node:crypto';
import type { MessageView } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import type { WebSocketRoute } from 'playwright-core';
import type { Locale } from '../support/browser';
import { startBrowserHub, type BrowserHub } from '../support/browser-hub';
import { inboxText, openInbox, type InboxAgent } from '../support/inbox';
import {
  createSocialInbox,
  digits,
  metaSignature,
  PlatformFake,
  uniqueId,
  whatsappStatusOf,
  whatsappTextOf,
} from '../support/social-platforms';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const SECRETS_KEY = randomBytes(32).toString('hex');
const APP_SECRET = 'meta-app-secret';
const LOCALES: readonly Locale[] = ['en-US', 'zh-CN', 'zh-TW', 'ja-JP'];
// What WhatsApp reports when a reply comes after the customer's 24-hour window.
const WINDOW_CLOSED = {
  code: 131047,
  title: 'Re-engagement message',
  error_data: { details: 'More than 24 hours have passed since the recipient last replied.' },
};

// An agent's WhatsApp replies in the transcript: ✓ when the platform took them, ✓✓ delivered,
// blue ✓✓ read, each live as the platform's status callback comes; a failed one with the
// platform's reason.
describe('the transcript: the delivery state of each reply, live', () => {
  let hub: BrowserHub;
  let fake: PlatformFake;
  let db: Client;
  let workspace: WorkspaceFixture;
  let inboxId: string;
  const phoneNumberId = digits(15);
  const agents: InboxAgent[] = [];

  beforeAll(async () => {
    fake = await PlatformFake.start();
    hub = await startBrowserHub(
      'delivery_state',
      {
        SECRETS_KEY,
        SOCIAL_PUBLIC_URL: 'https://social.example.test',
        META_VERIFY_TOKEN: 'verify-me',
        META_GRAPH_URL: `${fake.origin}/graph`,
        META_MEDIA_HOSTS: fake.host,
      },
      ['connector-social'],
    );
    db = new Client({ connectionString: hub.suite.database.url });
    await db.connect();
    workspace = await createWorkspace(hub.suite.database.url, { ada: AgentRole.Agent });
    inboxId = await createSocialInbox(hub.suite.database.url, {
      workspaceId: workspace.id,
      channel: 'whatsapp',
      settings: { phoneNumberId },
      secrets: { accessToken: 'wa-token', appSecret: APP_SECRET },
      secretsKey: SECRETS_KEY,
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(agents.map((agent) => agent.close()));
    await db?.end();
    await hub?.stop();
    await fake?.close();
  });

  const postMeta = async (body: string) => {
    const answer = await fetch(`${hub.suite.hub.service('connector-social').url}/webhooks/meta`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Hub-Signature-256': metaSignature(body, APP_SECRET),
      },
      body,
    });
    expect(answer.status).toBe(200);
  };

  /** The customer writes; the conversation routing gave to ada (online in the inbox). */
  async function conversationWithAda(from: string): Promise<string> {
    const id = `wamid.${uniqueId()}`;
    await postMeta(whatsappTextOf(phoneNumberId, { from, id, body: 'Is my parcel on its way?' }));
    let row: { conversation_id: string; assignee_id: string | null } | undefined;
    await waitFor(
      async () => {
        ({
          rows: [row],
        } = await db.query(
          `SELECT m.conversation_id, c.assignee_id FROM conversation.messages m
             JOIN conversation.conversations c ON c.id = m.conversation_id
            WHERE m.inbox_id = $1 AND m.channel_message_id = $2`,
          [inboxId, id],
        ));
        return row?.assignee_id === workspace.agents.ada.id;
      },
      20_000,
      () => `the WhatsApp conversation not assigned to ada: ${JSON.stringify(row)}`,
    );
    return row!.conversation_id;
  }

  async function reply(token: string, conversationId: string, content: string) {
    const sent = await hub.gateway.call<MessageView>(
      'POST',
      `/api/v1/conversations/${conversationId}/messages`,
      { token, body: { clientMessageId: randomUUID(), content } },
    );
    expect(sent.status).toBe(200);
    let wamid: string | null = null;
    await waitFor(async () => {
      const { rows } = await db.query<{ channel_message_id: string | null }>(
        `SELECT channel_message_id FROM conversation.messages WHERE id = $1`,
        [sent.body.id],
      );
      wamid = rows[0].channel_message_id;
      return wamid !== null;
    }, 20_000);
    return wamid!;
  }

  /** Ada in the inbox, a new WhatsApp customer's conversation routed to her, her API token. */
  async function adaWithNewConversation() {
    const { ada } = workspace.agents;
    const agent = await openInbox(hub, workspace, ada);
    agents.push(agent);
    const from = digits(11);
    const conversationId = await conversationWithAda(from);
    const token = await hub.gateway.login(workspace.slug, ada.email, ada.password);
    return { agent, from, conversationId, token };
  }

  it('shows sent, delivered and read as WhatsApp reports them, and a failed reply with its reason, in every language', async () => {
    const { ada } = workspace.agents;
    const { agent: en, from, conversationId, token } = await adaWithNewConversation();
    await en.page.goto(`${hub.suite.hub.service('gateway').url}/conversations/${conversationId}`);
    const transcript = en.page.getByRole('list', {
      name: inboxText('en-US', 'conversations', 'view.transcript'),
    });
    const row = (text: string) => transcript.getByRole('listitem').filter({ hasText: text });
    const state = (text: string, key: string) =>
      row(text).getByLabel(inboxText('en-US', 'conversations', `delivery.${key}`), {
        exact: true,
      });

    const read = await reply(token, conversationId, 'Yes, it left the warehouse today.');
    await state('Yes, it left the warehouse today.', 'sent').waitFor({ timeout: 15_000 });
    await postMeta(whatsappStatusOf(phoneNumberId, { wamid: read, to: from, state: 'delivered' }));
    await state('Yes, it left the warehouse today.', 'delivered').waitFor({ timeout: 15_000 });
    await postMeta(whatsappStatusOf(phoneNumberId, { wamid: read, to: from, state: 'read' }));
    await state('Yes, it left the warehouse today.', 'read').waitFor({ timeout: 15_000 });

    const delivered = await reply(token, conversationId, 'Tracking: JP-1234.');
    await postMeta(
      whatsappStatusOf(phoneNumberId, { wamid: delivered, to: from, state: 'delivered' }),
    );
    await state('Tracking: JP-1234.', 'delivered').waitFor({ timeout: 15_000 });

    const failed = await reply(token, conversationId, 'Anything else?');
    await postMeta(
      whatsappStatusOf(phoneNumberId, {
        wamid: failed,
        to: from,
        state: 'failed',
        errors: [WINDOW_CLOSED],
      }),
    );
    const reason = `${WINDOW_CLOSED.title}: ${WINDOW_CLOSED.error_data.details}`;
    await row('Anything else?')
      .getByRole('alert')
      .filter({
        hasText: inboxText('en-US', 'conversations', 'delivery.notDelivered').replace(
          '{{reason}}',
          reason,
        ),
      })
      .waitFor({ timeout: 15_000 });
    // The page was never reloaded: each state came over the agent socket.
    expect(en.watch.pageErrors).toEqual([]);
    await en.screenshot('delivery-states');

    // The same states, read from the REST transcript, in the other languages.
    for (const locale of LOCALES.filter((l) => l !== 'en-US')) {
      const agent = await openInbox(hub, workspace, ada, { locale });
      agents.push(agent);
      await agent.page.goto(
        `${hub.suite.hub.service('gateway').url}/conversations/${conversationId}`,
      );
      const text = (key: string) => inboxText(locale, 'conversations', key);
      const list = agent.page.getByRole('list', { name: text('view.transcript') });
      await list
        .getByRole('listitem')
        .filter({ hasText: 'Yes, it left the warehouse today.' })
        .getByLabel(text('delivery.read'), { exact: true })
        .waitFor({ timeout: 15_000 });
      await list
        .getByRole('alert')
        .filter({ hasText: text('delivery.notDelivered').replace('{{reason}}', reason) })
        .waitFor({ timeout: 15_000 });
      await agent.screenshot('delivery-states');
    }
  });

  it('shows a state the platform reported while the page was still connecting its socket', async () => {
    const { agent: late, from, conversationId, token } = await adaWithNewConversation();
    const content = 'Your refund is on its way.';
    const wamid = await reply(token, conversationId, content);

    // The page's next agent socket is held until let through: what the page reads over REST
    // meanwhile is all it has, and live events for ada go only to her other sockets.
    let letThrough!: () => void;
    const gate = new Promise<void>((resolve) => (letThrough = resolve));
    await late.page.routeWebSocket(/\/ws\/agent/, (toPage) => {
      const early: (string | Buffer)[] = [];
      let toServer: WebSocketRoute | undefined;
      toPage.onMessage((message) => (toServer ? toServer.send(message) : early.push(message)));
      void gate.then(() => {
        const server = toPage.connectToServer();
        server.onMessage((message) => toPage.send(message));
        for (const message of early.splice(0)) server.send(message);
        toServer = server;
      });
    });
    await late.page.goto(`${hub.suite.hub.service('gateway').url}/conversations/${conversationId}`);
    const state = (key: string) =>
      late.page
        .getByRole('list', { name: inboxText('en-US', 'conversations', 'view.transcript') })
        .getByRole('listitem')
        .filter({ hasText: content })
        .getByLabel(inboxText('en-US', 'conversations', `delivery.${key}`), { exact: true });
    await state('sent').waitFor({ timeout: 15_000 });

    await postMeta(whatsappStatusOf(phoneNumberId, { wamid, to: from, state: 'delivered' }));
    await waitFor(async () => {
      const { rows } = await db.query<{ delivery_status: string }>(
        `SELECT delivery_status FROM conversation.messages WHERE channel_message_id = $1`,
        [wamid],
      );
      return rows[0]?.delivery_status === 'delivered';
    }, 15_000);
    letThrough();
    // Once its socket is listening the page reads the transcript again.
    await state('delivered').waitFor({ timeout: 15_000 });
    expect(late.watch.pageErrors).toEqual([]);
  });
});
