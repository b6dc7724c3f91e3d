import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SecretBox } from '@hub/secret-box';
import { Client } from 'pg';

/** A PNG of 1×1 pixel: what the fake platforms serve as media. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A request a fake platform received. */
export interface PlatformCall {
  method: string;
  path: string;
  /** The query string's parameters. */
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The JSON body, when it was JSON. */
  json?: Record<string, unknown>;
}

type Answer = { status: number; headers?: Record<string, string>; body: unknown };

/**
 * Meta's Graph API, the Telegram Bot API and the LINE Messaging API as local HTTP servers (one
 * server, a path prefix each: `/graph`, `/telegram`, `/line`, `/line-data`), answering as their
 * docs show and recording every call. `refuseNext` makes the next calls to a path fail.
 */
export class PlatformFake {
  readonly calls: PlatformCall[] = [];
  private readonly refusals: { path: RegExp; answer: Answer }[] = [];
  private sent = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<PlatformFake> {
    const handlers: { fake?: PlatformFake } = {};
    const server = createServer((req, res) => void handlers.fake!.handle(req, res));
    const fake = new PlatformFake(server);
    handlers.fake = fake;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get host(): string {
    return new URL(this.origin).host;
  }

  /** The next `times` calls whose path matches get `answer` instead. */
  refuseNext(path: RegExp, answer: Answer, times = 1): void {
    for (let i = 0; i < times; i++) this.refusals.push({ path, answer });
  }

  callsTo(path: RegExp): PlatformCall[] {
    return this.calls.filter((call) => path.test(call.path));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.origin);
    const path = url.pathname;
    const call: PlatformCall = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    if (String(req.headers['content-type']).startsWith('application/json')) {
      call.json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    }
    this.calls.push(call);
    const refused = this.refusals.findIndex((r) => r.path.test(path));
    const answer = refused >= 0 ? this.refusals.splice(refused, 1)[0].answer : this.answer(call);
    res.writeHead(answer.status, answer.headers ?? {});
    res.end(Buffer.isBuffer(answer.body) ? answer.body : JSON.stringify(answer.body));
  }

  private answer({ path, json: request }: PlatformCall): Answer {
    const json = (body: unknown): Answer => ({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    const png: Answer = { status: 200, headers: { 'Content-Type': 'image/png' }, body: TINY_PNG };
    const id = ++this.sent;
    if (path.startsWith('/media/') || /\/file\/bot|\/content$/.test(path)) return png;
    // WhatsApp media: the id names a URL on the media host.
    const media = /^\/graph\/(media-[\w-]+)$/.exec(path);
    if (media)
      return json({
        url: `${this.origin}/media/${media[1]}`,
        mime_type: 'image/png',
        id: media[1],
      });
    if (/^\/graph\/\d+\/messages$/.test(path)) {
      return json(
        request?.messaging_product === 'whatsapp'
          ? {
              messaging_product: 'whatsapp',
              contacts: [{ input: 'x', wa_id: 'x' }],
              messages: [{ id: `wamid.out-${id}` }],
            }
          : { recipient_id: 'x', message_id: `m_out-${id}` },
      );
    }
    if (/^\/telegram\/bot[^/]+\/getFile$/.test(path)) {
      return json({ ok: true, result: { file_id: 'f', file_path: 'photos/file_1.png' } });
    }
    if (/^\/telegram\/bot[^/]+\/\w+$/.test(path))
      return json({ ok: true, result: { message_id: id } });
    if (/^\/line\/v2\/bot\/message\/(reply|push)$/.test(path)) {
      return json({ sentMessages: [{ id: String(900000 + id), quoteToken: 'q' }] });
    }
    return { status: 404, body: { error: { message: `no fake for ${path}` } } };
  }
}

/** A social inbox row, settings and sealed secrets as an admin would have configured it. */
export async function createSocialInbox(
  databaseUrl: string,
  inbox: {
    workspaceId: string;
    channel: string;
    settings: Record<string, unknown>;
    secrets: Record<string, string>;
    secretsKey: string;
  },
): Promise<string> {
  const box = new SecretBox(inbox.secretsKey);
  const secrets = Object.fromEntries(
    Object.entries(inbox.secrets).map(([name, value]) => [name, box.seal(value)]),
  );
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO conversation.inboxes (workspace_id, name, channel, settings)
       VALUES ($1, $2, $2, $3) RETURNING id`,
      [inbox.workspaceId, inbox.channel, JSON.stringify({ ...inbox.settings, secrets })],
    );
    return rows[0].id;
  } finally {
    await db.end();
  }
}

/** `X-Hub-Signature-256` as Meta computes it. */
export function metaSignature(body: string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** `X-Line-Signature` as LINE computes it. */
export function lineSignature(body: string, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(body).digest('base64');
}

/**
 * A LINE webhook body with one text message from a user, in the shape of LINE's Messaging API
 * docs; `replyToken` only when LINE gives one (a message event in an active chat).
 */
export function lineTextWebhook(event: {
  userId: string;
  id: string;
  text: string;
  webhookEventId: string;
  replyToken?: string;
}): string {
  return JSON.stringify({
    destination: 'xxxxxxxxxx',
    events: [
      {
        type: 'message',
        message: { type: 'text', id: event.id, quoteToken: 'q3Plxr4AgKd', text: event.text },
        webhookEventId: event.webhookEventId,
        deliveryContext: { isRedelivery: false },
        timestamp: Date.now(),
        source: { type: 'user', userId: event.userId },
        ...(event.replyToken ? { replyToken: event.replyToken } : {}),
        mode: 'active',
      },
    ],
  });
}

/** A WhatsApp Cloud API `messages` webhook, as in Meta's "Webhooks payload examples". */
export function whatsappWebhookOf(phoneNumberId: string, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  });
}

/** A WhatsApp text from a customer (`from`, their number) to the business number. */
export function whatsappTextOf(
  phoneNumberId: string,
  message: { from: string; id: string; body: string },
): string {
  return whatsappWebhookOf(phoneNumberId, {
    contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: message.from }],
    messages: [
      {
        from: message.from,
        id: message.id,
        timestamp: String(Math.floor(Date.now() / 1000)),
        text: { body: message.body },
        type: 'text',
      },
    ],
  });
}

/** A WhatsApp status callback on a reply the business sent (`errors` when it failed). */
export function whatsappStatusOf(
  phoneNumberId: string,
  status: { wamid: string; to: string; state: string; errors?: object[] },
): string {
  return whatsappWebhookOf(phoneNumberId, {
    statuses: [
      {
        id: status.wamid,
        status: status.state,
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_id: status.to,
        ...(status.errors ? { errors: status.errors } : {}),
      },
    ],
  });
}

export function digits(n: number): string {
  let out = String(1 + (randomBytes(1)[0] % 9));
  while (out.length < n) out += String(randomBytes(1)[0] % 10);
  return out;
}

export const uniqueId = (): string => randomUUID().replaceAll('-', '');
