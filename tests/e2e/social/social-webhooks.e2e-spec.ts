import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jetstreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { SUBJECTS, type MessageView } from '@hub/contracts';
import { namespacedDurable, namespacedStream } from '@hub/messaging';
import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { nestRequest, type NestRequestError } from '../support/nest-request';
import {
  createSocialInbox,
  digits,
  lineSignature,
  lineTextWebhook,
  metaSignature,
  PlatformFake,
  uniqueId,
  whatsappStatusOf,
  whatsappTextOf,
  whatsappWebhookOf,
} from '../support/social-platforms';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';

const SECRETS_KEY = randomBytes(32).toString('hex');
const VERIFY_TOKEN = 'verify-me-please';
const APP_SECRET = 'meta-app-secret';
const TG_SECRET = 'tg_secret-token';
const LINE_SECRET = 'line-channel-secret';
const FLOOD_LIMIT = 40;

type StoredMessage = {
  id: string;
  conversation_id: string;
  content: string;
  content_type: string;
  delivery_status: string;
  delivery_error: string | null;
  attachment_file_id: string | null;
};

describe('social platform webhooks and replies (connector-social)', () => {
  let suite: HubSuite;
  let db: Client;
  let fake: PlatformFake;
  let workspace: WorkspaceFixture;
  const inbox = { messenger: '', instagram: '', whatsapp: '', telegram: '', line: '' };
  const pageId = digits(15);
  const igAccountId = digits(17);
  const phoneNumberId = digits(15);

  beforeAll(async () => {
    fake = await PlatformFake.start();
    suite = await startHubSuite(
      'social',
      ['gateway', 'conversation', 'crm', 'routing', 'connector-social'],
      {
        SECRETS_KEY,
        SOCIAL_PUBLIC_URL: 'https://social.example.test',
        META_VERIFY_TOKEN: VERIFY_TOKEN,
        META_GRAPH_URL: `${fake.origin}/graph`,
        META_MEDIA_HOSTS: fake.host,
        TELEGRAM_API_URL: `${fake.origin}/telegram`,
        LINE_API_URL: `${fake.origin}/line`,
        LINE_DATA_URL: `${fake.origin}/line-data`,
        SOCIAL_SEND_MAX_ATTEMPTS: '3',
        SOCIAL_WEBHOOKS_PER_MINUTE: String(FLOOD_LIMIT),
        SOCIAL_MAX_WEBHOOK_BYTES: String(64 * 1024),
      },
    );
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    workspace = await createWorkspace(suite.database.url, {
      alice: AgentRole.Supervisor,
      root: AgentRole.Admin,
    });
    const make = (channel: string, settings: object, secrets: Record<string, string>) =>
      createSocialInbox(suite.database.url, {
        workspaceId: workspace.id,
        channel,
        settings: settings as Record<string, unknown>,
        secrets,
        secretsKey: SECRETS_KEY,
      });
    inbox.messenger = await make(
      'messenger',
      { pageId },
      { pageAccessToken: 'page-token', appSecret: APP_SECRET },
    );
    inbox.instagram = await make(
      'instagram',
      { instagramAccountId: igAccountId },
      { pageAccessToken: 'ig-token', appSecret: APP_SECRET },
    );
    inbox.whatsapp = await make(
      'whatsapp',
      { phoneNumberId },
      { accessToken: 'wa-token', appSecret: APP_SECRET },
    );
    inbox.telegram = await make(
      'telegram',
      {},
      { botToken: '123:tg-token', webhookSecret: TG_SECRET },
    );
    inbox.line = await make(
      'line',
      {},
      { channelAccessToken: 'line-token', channelSecret: LINE_SECRET },
    );
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
    await fake?.close();
  });

  const social = () => suite.hub.service('connector-social').url;

  const postMeta = (body: string, signature: string | null = metaSignature(body, APP_SECRET)) =>
    fetch(`${social()}/webhooks/meta`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(signature ? { 'X-Hub-Signature-256': signature } : {}),
      },
      body,
    });

  const messagesWith = async (channelMessageId: string): Promise<StoredMessage[]> =>
    (
      await db.query<StoredMessage>(
        `SELECT id, conversation_id, content, content_type, delivery_status, delivery_error,
                attachment_file_id
           FROM conversation.messages WHERE channel_message_id = $1`,
        [channelMessageId],
      )
    ).rows;

  const stored = async (channelMessageId: string): Promise<StoredMessage> => {
    await waitFor(
      async () => (await messagesWith(channelMessageId)).length > 0,
      20_000,
      () => `${channelMessageId} not stored`,
    );
    return (await messagesWith(channelMessageId))[0];
  };

  const messageCount = async (): Promise<number> =>
    Number(
      (await db.query<{ count: string }>(`SELECT count(*) FROM conversation.messages`)).rows[0]
        .count,
    );

  const whatsappWebhook = (value: Record<string, unknown>) =>
    whatsappWebhookOf(phoneNumberId, value);
  const whatsappText = (from: string, id: string, body: string) =>
    whatsappTextOf(phoneNumberId, { from, id, body });

  /** A Messenger `messages` webhook, as in the Messenger Platform's webhook reference. */
  const messengerWebhook = (object: 'page' | 'instagram', account: string, events: object[]) =>
    JSON.stringify({
      object,
      entry: [{ id: account, time: Date.now(), messaging: events }],
    });

  const reply = (
    conversationId: string,
    content: string,
    extra: Record<string, unknown> = {},
  ): Promise<MessageView> =>
    nestRequest(suite.nc, suite.namespace, SUBJECTS.conversation.sendAgentMessage, {
      workspaceId: workspace.id,
      conversationId,
      actor: { agentId: workspace.agents.alice.id, role: AgentRole.Supervisor },
      clientMessageId: randomUUID(),
      content,
      ...extra,
    });

  const deliveryOf = async (messageId: string, expected: string): Promise<StoredMessage> => {
    let row: StoredMessage | undefined;
    await waitFor(
      async () => {
        row = (
          await db.query<StoredMessage>(
            `SELECT id, delivery_status, delivery_error FROM conversation.messages WHERE id = $1`,
            [messageId],
          )
        ).rows[0];
        return row?.delivery_status === expected;
      },
      20_000,
      () => `delivery of ${messageId} is ${row?.delivery_status}, not ${expected}`,
    );
    return row!;
  };

  it('answers Meta’s verification handshake only for the verify token', async () => {
    const url = (token: string) =>
      `${social()}/webhooks/meta?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;
    const ok = await fetch(url(VERIFY_TOKEN));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    expect((await fetch(url('wrong-token'))).status).toBe(403);
  });

  it('stores a Messenger text and image (fetched from Meta’s media host) on one customer', async () => {
    const psid = digits(16);
    const mid = `m_${uniqueId()}`;
    const body = messengerWebhook('page', pageId, [
      {
        sender: { id: psid },
        recipient: { id: pageId },
        timestamp: Date.now(),
        message: {
          mid,
          text: 'Is the blue one in stock?',
          attachments: [{ type: 'image', payload: { url: `${fake.origin}/media/photo.png` } }],
        },
      },
    ]);
    expect((await postMeta(body)).status).toBe(200);
    const text = await stored(mid);
    const image = await stored(`${mid}#1`);
    expect(text.content).toBe('Is the blue one in stock?');
    expect(image).toMatchObject({ content_type: 'image', conversation_id: text.conversation_id });
    expect(image.attachment_file_id).not.toBeNull();
  });

  it('stores an Instagram message, a reaction to it and a story mention by its link alone', async () => {
    const igsid = digits(16);
    const mid = `aWdfZAG1f${uniqueId()}`;
    const mentionMid = `aWdfZAG1f${uniqueId()}`;
    // Meta's terms forbid keeping Instagram media: the CDN link is stored, nothing is fetched.
    const cdn = `${fake.origin}/ig_messaging_cdn/?asset_id=${uniqueId()}`;
    const events = [
      {
        sender: { id: igsid },
        recipient: { id: igAccountId },
        timestamp: Date.now(),
        message: {
          mid: mentionMid,
          attachments: [{ type: 'story_mention', payload: { url: cdn } }],
        },
      },
      {
        sender: { id: igsid },
        recipient: { id: igAccountId },
        timestamp: Date.now(),
        message: { mid, text: 'hello from IG' },
      },
      {
        sender: { id: igsid },
        recipient: { id: igAccountId },
        timestamp: Date.now(),
        reaction: { mid, action: 'react', reaction: 'love', emoji: '❤️' },
      },
    ];
    expect((await postMeta(messengerWebhook('instagram', igAccountId, events))).status).toBe(200);
    expect((await stored(mid)).content).toBe('hello from IG');
    expect((await stored(`${mid}:react:❤️`)).content).toBe('❤️');
    const mention = await stored(mentionMid);
    expect(mention).toMatchObject({
      content: `📣 Mentioned you in their story: ${cdn}`,
      attachment_file_id: null,
    });
    expect(fake.callsTo(/ig_messaging_cdn/)).toEqual([]);
  });

  it('stores WhatsApp text, location and an image fetched by media id; the number becomes the customer’s phone', async () => {
    const from = digits(11);
    const ids = [`wamid.${uniqueId()}`, `wamid.${uniqueId()}`, `wamid.${uniqueId()}`];
    const now = String(Math.floor(Date.now() / 1000));
    const body = whatsappWebhook({
      contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: from }],
      messages: [
        { from, id: ids[0], timestamp: now, text: { body: 'Where is my order?' }, type: 'text' },
        {
          from,
          id: ids[1],
          timestamp: now,
          type: 'location',
          location: { latitude: 25.033, longitude: 121.5654, name: 'Taipei 101', address: 'Xinyi' },
        },
        {
          from,
          id: ids[2],
          timestamp: now,
          type: 'image',
          image: { caption: 'the box', mime_type: 'image/png', sha256: 'x', id: 'media-4711' },
        },
      ],
    });
    expect((await postMeta(body)).status).toBe(200);
    expect((await stored(ids[0])).content).toBe('Where is my order?');
    expect((await stored(ids[1])).content).toContain('Taipei 101, Xinyi (25.033,121.5654)');
    const image = await stored(ids[2]);
    expect(image).toMatchObject({ content: 'the box', content_type: 'image' });
    // The media id was looked up on the Graph API, with the inbox's token.
    const lookup = fake.callsTo(/^\/graph\/media-4711$/)[0];
    expect(lookup.headers.authorization).toBe('Bearer wa-token');
    const { rows } = await db.query(
      `SELECT c.phone, c.name FROM crm.customers c
         JOIN conversation.conversations v ON v.customer_id = c.id
         JOIN conversation.messages m ON m.conversation_id = v.id
        WHERE m.channel_message_id = $1`,
      [ids[0]],
    );
    expect(rows[0]).toMatchObject({ phone: `+${from}`, name: 'Kerry Fisher' });
  });

  it('stores a webhook sent three times at once, and again after the stream forgot it, once', async () => {
    const id = `wamid.${uniqueId()}`;
    const body = whatsappText(digits(11), id, 'only once please');
    const answers = await Promise.all([postMeta(body), postMeta(body), postMeta(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await stored(id);

    // Days later, past JetStream's duplicate window: only PostgreSQL's key can tell.
    const jsm = await jetstreamManager(suite.nc);
    const name = namespacedStream(suite.namespace, 'INBOUND');
    const config = (await jsm.streams.info(name)).config;
    await jsm.streams.update(name, { ...config, duplicate_window: nanos(100) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = (await jsm.streams.info(name)).state.last_seq;
    expect((await postMeta(body)).status).toBe(200);
    expect((await jsm.streams.info(name)).state.last_seq).toBe(before + 1);
    await jsm.streams.update(name, config);
    // The redelivered copy was consumed (the durable caught up) and stored nothing new.
    await waitFor(async () => {
      const consumer = await jsm.consumers.info(
        name,
        namespacedDurable(suite.namespace, 'conversation_inbound'),
      );
      return consumer.num_pending === 0 && consumer.num_ack_pending === 0;
    }, 20_000);
    expect(await messagesWith(id)).toHaveLength(1);
  });

  it('refuses forged, unsigned, unknown, malformed and oversized webhooks, storing nothing', async () => {
    const count = await messageCount();
    const body = whatsappText(digits(11), `wamid.${uniqueId()}`, 'forged');
    expect((await postMeta(body, metaSignature(body, 'not-the-secret'))).status).toBe(401);
    expect((await postMeta(body, null)).status).toBe(401);
    const tampered = body.replace('forged', 'FORGED');
    expect((await postMeta(tampered, metaSignature(body, APP_SECRET))).status).toBe(401);
    const notServed = JSON.stringify({ object: 'user', entry: [{ id: '1', changes: [] }] });
    const unknownPage = messengerWebhook('page', digits(15), [
      {
        sender: { id: '1' },
        recipient: { id: '2' },
        timestamp: 1,
        message: { mid: 'm_x', text: 'x' },
      },
    ]);
    expect((await postMeta(unknownPage)).status).toBe(404);
    expect((await postMeta(notServed)).status).toBe(200);
    const malformed = await postMeta('{"object": "page", ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe('WEBHOOK_BODY_INVALID');
    const huge = JSON.stringify({ object: 'page', entry: [], pad: 'x'.repeat(70 * 1024) });
    expect((await postMeta(huge)).status).toBe(413);
    // An event type we do not handle (a Messenger postback) is taken and ignored.
    const postback = messengerWebhook('page', pageId, [
      { sender: { id: '1' }, recipient: { id: pageId }, timestamp: 1, postback: { title: 'Go' } },
    ]);
    expect((await postMeta(postback)).status).toBe(200);
    expect(await messageCount()).toBe(count);
    expect((await fetch(`${social()}/health/live`)).status).toBe(200);
  });

  it('never fetches a media URL a payload points at another host (SSRF)', async () => {
    let hits = 0;
    const internal: Server = createServer((_req, res) => {
      hits++;
      res.end('secret');
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    try {
      const mid = `m_${uniqueId()}`;
      const port = (internal.address() as AddressInfo).port;
      const body = messengerWebhook('page', pageId, [
        {
          sender: { id: digits(16) },
          recipient: { id: pageId },
          timestamp: Date.now(),
          message: {
            mid,
            attachments: [
              { type: 'image', payload: { url: `http://127.0.0.1:${port}/latest/meta-data` } },
            ],
          },
        },
      ]);
      expect((await postMeta(body)).status).toBe(200);
      const message = await stored(mid);
      expect(message.content).toBe('[image not kept: not on the platform’s media host]');
      expect(message.attachment_file_id).toBeNull();
      expect(hits).toBe(0);
    } finally {
      internal.close();
    }
  });

  it('takes Telegram messages, the largest photo size and edits, checking the secret token', async () => {
    const chatId = Number(digits(9));
    const post = (update: object, secret = TG_SECRET) =>
      fetch(`${social()}/webhooks/telegram/${inbox.telegram}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': secret },
        body: JSON.stringify(update),
      });
    const chat = { id: chatId, first_name: 'Ming', type: 'private' };
    const from = { id: chatId, is_bot: false, first_name: 'Ming', language_code: 'zh-hans' };
    const date = Math.floor(Date.now() / 1000);
    const text = { update_id: 1, message: { message_id: 10, from, chat, date, text: '你好' } };
    expect((await post(text, 'wrong')).status).toBe(401);
    expect((await post(text)).status).toBe(200);
    const first = await stored(`${chatId}:10`);
    expect(first.content).toBe('你好');

    const photo = {
      update_id: 2,
      message: {
        message_id: 11,
        from,
        chat,
        date,
        caption: 'receipt',
        photo: [
          { file_id: 'small-id', file_unique_id: 'a', width: 90, height: 60, file_size: 1000 },
          { file_id: 'large-id', file_unique_id: 'b', width: 1280, height: 853, file_size: 90000 },
          { file_id: 'mid-id', file_unique_id: 'c', width: 320, height: 213, file_size: 9000 },
        ],
      },
    };
    expect((await post(photo)).status).toBe(200);
    expect(await stored(`${chatId}:11`)).toMatchObject({
      content: 'receipt',
      content_type: 'image',
    });
    const getFile = fake.callsTo(/^\/telegram\/bot123:tg-token\/getFile$/);
    expect(getFile.map((call) => call.query.get('file_id'))).toEqual(['large-id']);
    const edit = {
      update_id: 3,
      edited_message: { message_id: 10, from, chat, date, edit_date: date + 5, text: '你好!' },
    };
    expect((await post(edit)).status).toBe(200);
    const edited = await stored(`${chatId}:10:edit:${date + 5}`);
    expect(edited).toMatchObject({ content: '✎ 你好!', conversation_id: first.conversation_id });
    const unknown = await fetch(`${social()}/webhooks/telegram/${randomUUID()}`, {
      method: 'POST',
      headers: { 'X-Telegram-Bot-Api-Secret-Token': TG_SECRET },
      body: JSON.stringify(text),
    });
    expect(unknown.status).toBe(404);
  });

  it('points a Telegram bot at the hub through the admin API (setWebhook with the secret token)', async () => {
    const api = new GatewayApi(suite.hub.service('gateway').url);
    const { root, alice } = workspace.agents;
    const [admin, supervisor] = await Promise.all([
      api.login(workspace.slug, root.email, root.password),
      api.login(workspace.slug, alice.email, alice.password),
    ]);
    const setWebhook = (inboxId: string, token: string) =>
      api.call<{ url?: string; code?: string }>(
        'POST',
        `/api/v1/inboxes/${inboxId}/telegram/webhook`,
        { token },
      );
    const answer = await setWebhook(inbox.telegram, admin);
    expect(answer).toMatchObject({
      status: 200,
      body: { url: `https://social.example.test/webhooks/telegram/${inbox.telegram}` },
    });
    // As the Bot API's setWebhook takes it.
    const [call] = fake.callsTo(/^\/telegram\/bot123:tg-token\/setWebhook$/);
    expect(call.json).toEqual({
      url: `https://social.example.test/webhooks/telegram/${inbox.telegram}`,
      secret_token: TG_SECRET,
      allowed_updates: ['message', 'edited_message'],
    });
    expect((await setWebhook(inbox.telegram, supervisor)).status).toBe(403);
    expect(await setWebhook(inbox.messenger, admin)).toMatchObject({
      status: 404,
      body: { code: 'INBOX_NOT_FOUND' },
    });
    expect((await setWebhook(randomUUID(), admin)).status).toBe(404);
    expect(fake.callsTo(/\/setWebhook$/)).toHaveLength(1);
  });

  it('tells an admin the webhook URL to paste into each platform, with Meta’s verify token', async () => {
    const api = new GatewayApi(suite.hub.service('gateway').url);
    const { root, alice } = workspace.agents;
    const [admin, supervisor] = await Promise.all([
      api.login(workspace.slug, root.email, root.password),
      api.login(workspace.slug, alice.email, alice.password),
    ]);
    const endpoint = (inboxId: string, token = admin) =>
      api.call<{ url?: string; verifyToken?: string | null; code?: string }>(
        'GET',
        `/api/v1/inboxes/${inboxId}/webhook`,
        { token },
      );
    expect(await endpoint(inbox.messenger)).toMatchObject({
      status: 200,
      body: { url: 'https://social.example.test/webhooks/meta', verifyToken: VERIFY_TOKEN },
    });
    expect((await endpoint(inbox.telegram)).body).toEqual({
      url: `https://social.example.test/webhooks/telegram/${inbox.telegram}`,
      verifyToken: null,
    });
    expect((await endpoint(inbox.line)).body).toEqual({
      url: `https://social.example.test/webhooks/line/${inbox.line}`,
      verifyToken: null,
    });
    // The Meta handshake accepts the token the admin was shown.
    const handshake = await fetch(
      `${social()}/webhooks/meta?hub.mode=subscribe&hub.challenge=42&hub.verify_token=${
        (await endpoint(inbox.messenger)).body.verifyToken
      }`,
    );
    expect(await handshake.text()).toBe('42');
    expect((await endpoint(inbox.line, supervisor)).status).toBe(403);
    expect(await endpoint(workspace.inboxId)).toMatchObject({
      status: 404,
      body: { code: 'INBOX_NOT_FOUND' },
    });
  });

  it('takes LINE messages signed with the channel secret and answers with the fresh reply token', async () => {
    const userId = `U${uniqueId()}`;
    const id = digits(18);
    const body = lineTextWebhook({
      userId,
      id,
      text: 'こんにちは',
      webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
      replyToken: 'b60d432864f44d079f6d8efe86cf404b',
    });
    const post = (signature: string) =>
      fetch(`${social()}/webhooks/line/${inbox.line}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Line-Signature': signature },
        body,
      });
    expect((await post(lineSignature(body, 'wrong'))).status).toBe(401);
    expect((await post(lineSignature(body, LINE_SECRET))).status).toBe(200);
    const message = await stored(id);
    expect(message.content).toBe('こんにちは');

    const sent = await reply(message.conversation_id, 'はい、承知しました');
    await deliveryOf(sent.id, 'sent');
    const [call] = fake.callsTo(/^\/line\/v2\/bot\/message\/reply$/);
    expect(call.headers.authorization).toBe('Bearer line-token');
    expect(call.json).toEqual({
      replyToken: 'b60d432864f44d079f6d8efe86cf404b',
      messages: [{ type: 'text', text: 'はい、承知しました' }],
    });
    // The token answers once: the next reply is pushed.
    const pushed = await reply(message.conversation_id, 'もう一つ');
    await deliveryOf(pushed.id, 'sent');
    const [push] = fake.callsTo(/^\/line\/v2\/bot\/message\/push$/);
    expect(push.json).toEqual({ to: userId, messages: [{ type: 'text', text: 'もう一つ' }] });
    expect(push.headers['x-line-retry-key']).toBe(pushed.id);
  });

  it('sends LINE an image, a video with a preview, audio with its length, and a PDF as its link, all links LINE can fetch', async () => {
    const userId = `U${uniqueId()}`;
    const id = digits(18);
    const body = lineTextWebhook({
      userId,
      id,
      text: 'Photo please',
      webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZS',
    });
    const posted = await fetch(`${social()}/webhooks/line/${inbox.line}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Line-Signature': lineSignature(body, LINE_SECRET),
      },
      body,
    });
    expect(posted.status).toBe(200);
    const { conversation_id } = await stored(id);
    const api = new GatewayApi(suite.hub.service('gateway').url);
    const { root } = workspace.agents;
    const token = await api.login(workspace.slug, root.email, root.password);
    const samples = path.resolve(__dirname, '../../../libs/storage/src/uploads/samples');
    const upload = async (name: string, type: string) => {
      const bytes = readFileSync(path.join(samples, name));
      const form = new FormData();
      form.append('file', new Blob([bytes], { type }), name);
      const response = await fetch(`${suite.hub.service('gateway').url}/api/v1/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      expect(response.status).toBe(201);
      return { bytes, fileId: ((await response.json()) as { fileId: string }).fileId };
    };
    const pushes = () =>
      fake
        .callsTo(/^\/line\/v2\/bot\/message\/push$/)
        .filter((call) => (call.json as { to?: string }).to === userId);

    const png = await upload('sample.png', 'image/png');
    const photo = await reply(conversation_id, 'Here it is', { attachmentFileId: png.fileId });
    await deliveryOf(photo.id, 'sent');
    const [photoPush] = pushes();
    const messages = (photoPush.json as { messages: Record<string, string>[] }).messages;
    expect(messages).toHaveLength(2);
    expect(messages[0]).toEqual({ type: 'text', text: 'Here it is' });
    expect(Object.keys(messages[1]).sort()).toEqual([
      'originalContentUrl',
      'previewImageUrl',
      'type',
    ]);
    expect(messages[1].type).toBe('image');
    const link = new URL(messages[1].originalContentUrl);
    expect(link.origin).toBe('https://social.example.test');
    expect(link.pathname).toBe(`/files/${png.fileId}`);
    expect(messages[1].previewImageUrl).toBe(link.href);
    // What LINE's servers fetch: this connector serves the signed link, and only it.
    const fetched = await fetch(`${social()}${link.pathname}${link.search}`);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(png.bytes)).toBe(true);
    link.searchParams.set('signature', '0'.repeat(64));
    expect((await fetch(`${social()}${link.pathname}${link.search}`)).status).toBe(403);

    const pdf = await upload('sample.pdf', 'application/pdf');
    const quote = await reply(conversation_id, 'Your quote', { attachmentFileId: pdf.fileId });
    await deliveryOf(quote.id, 'sent');
    const [, pdfPush] = pushes();
    const [text] = (pdfPush.json as { messages: Record<string, string>[] }).messages;
    expect(text.type).toBe('text');
    expect(text.text).toMatch(
      new RegExp(
        `^Your quote\\nsample\\.pdf: https://social\\.example\\.test/files/${pdf.fileId}\\?expires=\\d+&signature=[0-9a-f]+$`,
      ),
    );
    // sample.mp4 and sample.m4a are bare containers (file type, movie header, empty media data):
    // what the hub reads of them is the header, which says 4 s and 2.5 s.
    const mp4 = await upload('sample.mp4', 'video/mp4');
    const video = await reply(conversation_id, '', { attachmentFileId: mp4.fileId });
    await deliveryOf(video.id, 'sent');
    const [videoMessage] = (pushes()[2].json as { messages: Record<string, string>[] }).messages;
    const { originalContentUrl, ...videoRest } = videoMessage;
    expect(videoRest).toEqual({
      type: 'video',
      previewImageUrl: 'https://social.example.test/line/video-preview.png',
    });
    expect(originalContentUrl).toMatch(
      new RegExp(`^https://social\\.example\\.test/files/${mp4.fileId}\\?expires=\\d+&signature=`),
    );
    const preview = await fetch(`${social()}/line/video-preview.png`);
    expect(preview.headers.get('content-type')).toBe('image/png');
    const previewBytes = Buffer.from(await preview.arrayBuffer());
    expect(
      previewBytes
        .subarray(0, 8)
        .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    ).toBe(true);

    const m4a = await upload('sample.m4a', 'audio/mp4');
    const voice = await reply(conversation_id, '', { attachmentFileId: m4a.fileId });
    await deliveryOf(voice.id, 'sent');
    const [audioMessage] = (pushes()[3].json as { messages: Record<string, unknown>[] }).messages;
    expect(audioMessage).toMatchObject({ type: 'audio', duration: 2_500 });
  });

  it('sends a WhatsApp reply and applies out-of-order statuses without going back', async () => {
    const from = digits(11);
    const id = `wamid.${uniqueId()}`;
    expect((await postMeta(whatsappText(from, id, 'hi'))).status).toBe(200);
    const { conversation_id } = await stored(id);
    const sent = await reply(conversation_id, 'Hello Sheena!');
    expect(sent.deliveryStatus).toBe('pending');
    await deliveryOf(sent.id, 'sent');
    const call = fake
      .callsTo(new RegExp(`^/graph/${phoneNumberId}/messages$`))
      .find((c) => (c.json?.text as { body?: string } | undefined)?.body === 'Hello Sheena!');
    expect(call?.headers.authorization).toBe('Bearer wa-token');
    expect(call?.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: from,
      type: 'text',
      text: { preview_url: false, body: 'Hello Sheena!' },
    });
    const { rows } = await db.query<{ channel_message_id: string }>(
      `SELECT channel_message_id FROM conversation.messages WHERE id = $1`,
      [sent.id],
    );
    const wamid = rows[0].channel_message_id;
    expect(wamid).toMatch(/^wamid\.out-/);
    const status = (state: string) => whatsappStatusOf(phoneNumberId, { wamid, to: from, state });
    expect((await postMeta(status('read'))).status).toBe(200);
    await deliveryOf(sent.id, 'read');
    expect((await postMeta(status('delivered'))).status).toBe(200);
    // The late `delivered` was consumed and changed nothing.
    const jsm = await jetstreamManager(suite.nc);
    await waitFor(async () => {
      const consumer = await jsm.consumers.info(
        namespacedStream(suite.namespace, 'EVENTS'),
        namespacedDurable(suite.namespace, 'conversation_social_delivery'),
      );
      return consumer.num_pending === 0 && consumer.num_ack_pending === 0;
    }, 20_000);
    expect((await deliveryOf(sent.id, 'read')).delivery_status).toBe('read');
  });

  it('keeps the reply a Messenger customer quotes, and applies delivery and read watermarks forward', async () => {
    const psid = digits(16);
    const first = `m_${uniqueId()}`;
    const event = (item: object) => ({ sender: { id: psid }, recipient: { id: pageId }, ...item });
    const post = async (...items: object[]) =>
      expect((await postMeta(messengerWebhook('page', pageId, items))).status).toBe(200);
    await post(event({ timestamp: Date.now(), message: { mid: first, text: 'Hello?' } }));
    const { conversation_id } = await stored(first);
    const sent = await reply(conversation_id, 'Which size do you need?');
    await deliveryOf(sent.id, 'sent');
    const { rows } = await db.query<{ channel_message_id: string }>(
      `SELECT channel_message_id FROM conversation.messages WHERE id = $1`,
      [sent.id],
    );
    const answered = `m_${uniqueId()}`;
    await post(
      event({
        timestamp: Date.now(),
        message: { mid: answered, text: 'M please', reply_to: { mid: rows[0].channel_message_id } },
      }),
    );
    await stored(answered);
    const quoting = await db.query<{ reply_to_message_id: string | null }>(
      `SELECT reply_to_message_id FROM conversation.messages WHERE channel_message_id = $1`,
      [answered],
    );
    expect(quoting.rows[0].reply_to_message_id).toBe(sent.id);

    // As in the Messenger Platform's message_reads and message_deliveries references.
    const now = Date.now() + 1_000;
    await post(event({ timestamp: now, read: { watermark: now } }));
    await deliveryOf(sent.id, 'read');
    await post(event({ delivery: { mids: [rows[0].channel_message_id], watermark: now } }));
    const jsm = await jetstreamManager(suite.nc);
    await waitFor(async () => {
      const consumer = await jsm.consumers.info(
        namespacedStream(suite.namespace, 'EVENTS'),
        namespacedDurable(suite.namespace, 'conversation_social_delivery'),
      );
      return consumer.num_pending === 0 && consumer.num_ack_pending === 0;
    }, 20_000);
    expect((await deliveryOf(sent.id, 'read')).delivery_status).toBe('read');
  });

  it('refuses free text on WhatsApp 24 hours after the customer wrote, and sends a template', async () => {
    const from = digits(11);
    const id = `wamid.${uniqueId()}`;
    expect((await postMeta(whatsappText(from, id, 'old question'))).status).toBe(200);
    const { conversation_id } = await stored(id);
    await db.query(
      `UPDATE conversation.messages SET created_at = now() - interval '25 hours' WHERE conversation_id = $1`,
      [conversation_id],
    );
    const refused = await reply(conversation_id, 'Sorry for the wait').catch((e: unknown) => e);
    expect((refused as NestRequestError).body.code).toBe('WHATSAPP_WINDOW_CLOSED');
    const sent = await reply(conversation_id, 'Your order update', {
      template: { name: 'order_update', languageCode: 'en_US' },
    });
    await deliveryOf(sent.id, 'sent');
    const call = fake
      .callsTo(new RegExp(`^/graph/${phoneNumberId}/messages$`))
      .find((c) => c.json?.type === 'template' && c.json.to === from);
    expect(call?.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: from,
      type: 'template',
      template: { name: 'order_update', language: { code: 'en_US' } },
    });
  });

  it('retries a Telegram 429 after its retry_after, and fails a Messenger 400 with Meta’s error', async () => {
    const chatId = Number(digits(9));
    const update = {
      update_id: 9,
      message: {
        message_id: 1,
        from: { id: chatId, is_bot: false, first_name: 'Lee' },
        chat: { id: chatId, type: 'private' },
        date: Math.floor(Date.now() / 1000),
        text: 'hi',
      },
    };
    await fetch(`${social()}/webhooks/telegram/${inbox.telegram}`, {
      method: 'POST',
      headers: { 'X-Telegram-Bot-Api-Secret-Token': TG_SECRET },
      body: JSON.stringify(update),
    });
    const tg = await stored(`${chatId}:1`);
    fake.refuseNext(/\/sendMessage$/, {
      status: 429,
      headers: { 'Content-Type': 'application/json' },
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 1',
        parameters: { retry_after: 1 },
      },
    });
    const sent = await reply(tg.conversation_id, 'Thanks Lee');
    await deliveryOf(sent.id, 'sent');
    const calls = fake.callsTo(/\/sendMessage$/).filter((c) => c.json?.chat_id === String(chatId));
    expect(calls).toHaveLength(2);
    expect(calls[1].json).toEqual({ chat_id: String(chatId), text: 'Thanks Lee' });

    const psid = digits(16);
    const mid = `m_${uniqueId()}`;
    await postMeta(
      messengerWebhook('page', pageId, [
        {
          sender: { id: psid },
          recipient: { id: pageId },
          timestamp: Date.now(),
          message: { mid, text: 'q' },
        },
      ]),
    );
    const fb = await stored(mid);
    fake.refuseNext(new RegExp(`^/graph/${pageId}/messages$`), {
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: {
        error: {
          message: '(#10) This message is sent outside of allowed window.',
          type: 'OAuthException',
          code: 10,
          error_subcode: 2018278,
          fbtrace_id: 'AbCdEf',
        },
      },
    });
    const failed = await reply(fb.conversation_id, 'too late');
    expect((await deliveryOf(failed.id, 'failed')).delivery_error).toBe(
      '400: (#10) This message is sent outside of allowed window.',
    );
  });

  it('answers a flood of forged webhooks from one source with 429, then blocks the source', async () => {
    const body = messengerWebhook('page', pageId, []);
    const statuses: number[] = [];
    for (let sent = 0; sent < FLOOD_LIMIT + 20; sent += 20) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, () => postMeta(body, metaSignature(body, 'forged'))),
      );
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    // Blocked for the rest of the window, even what is signed.
    const blocked = await postMeta(body);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${social()}/health/ready`)).status).toBe(200);
  });
});
