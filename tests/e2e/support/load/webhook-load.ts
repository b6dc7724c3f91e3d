import { createHmac, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Channel } from '@hub/domain';
import { SecretBox } from '@hub/secret-box';
import { withClient } from '@hub/testing';
import { createSocialInbox, digits, metaSignature } from '../social-platforms';

/** The webhook scenarios of tests/load/scenarios/webhooks.ts. */
export const WEBHOOK_CHANNELS = ['api', 'telegram', 'meta'] as const;
export type WebhookChannel = (typeof WEBHOOK_CHANNELS)[number];

// A platform retries a webhook it got no 2xx for; so does this client, with the same body.
const ATTEMPTS = 3;
const RETRY_PAUSE_MS = 1_000;
const REQUEST_TIMEOUT_MS = 10_000;

/** One webhook (one customer message) and how it ended, as for the visitors' operations. */
export interface WebhookOperation {
  channel: WebhookChannel;
  inboxId: string;
  /** What conversation stores as `channel_message_id`. */
  channelMessageId: string;
  /** `ok`: some attempt answered 2xx; `failed`: each answered 4xx; `unknown` otherwise. */
  outcome: 'ok' | 'failed' | 'unknown';
  /** Request → 2xx of the attempt that succeeded (k6's `webhook_accepted`). */
  acceptedMs?: number;
}

interface WebhookInboxes {
  api: { id: string; secret: string };
  telegram: { id: string; secretToken: string };
  meta: { id: string; pageId: string; appSecret: string };
}

/**
 * Customers writing through signed webhooks: the API channel on the gateway, Telegram and
 * Messenger on connector-social, each sender posting one message after another as the platform
 * would, retried with the same body when unanswered.
 */
export class WebhookLoad {
  readonly operations: WebhookOperation[] = [];
  private readonly runId = randomBytes(4).toString('hex');

  private constructor(
    private readonly urls: { gatewayUrl: string; connectorSocialUrl: string },
    private readonly inboxes: WebhookInboxes,
  ) {}

  /** Inserts an API, a Telegram and a Messenger inbox into the workspace, as the admin API does. */
  static async start(options: {
    gatewayUrl: string;
    connectorSocialUrl: string;
    databaseUrl: string;
    workspaceId: string;
    secretsKey: string;
  }): Promise<WebhookLoad> {
    const { databaseUrl, workspaceId, secretsKey } = options;
    const apiSecret = randomBytes(24).toString('base64url');
    const { rows } = await withClient(databaseUrl, (db) =>
      db.query<{ id: string }>(
        `INSERT INTO conversation.inboxes (workspace_id, name, channel, settings)
         VALUES ($1, 'Load API', $2, $3) RETURNING id`,
        [
          workspaceId,
          Channel.Api,
          JSON.stringify({ secrets: { signingSecret: new SecretBox(secretsKey).seal(apiSecret) } }),
        ],
      ),
    );
    const secretToken = randomBytes(16).toString('hex');
    const telegram = await createSocialInbox(databaseUrl, {
      workspaceId,
      channel: 'telegram',
      settings: {},
      secrets: { botToken: `${digits(9)}:load`, webhookSecret: secretToken },
      secretsKey,
    });
    const pageId = digits(15);
    const appSecret = randomBytes(16).toString('hex');
    const meta = await createSocialInbox(databaseUrl, {
      workspaceId,
      channel: 'messenger',
      settings: { pageId },
      secrets: { pageAccessToken: 'load-page-token', appSecret },
      secretsKey,
    });
    return new WebhookLoad(options, {
      api: { id: rows[0].id, secret: apiSecret },
      telegram: { id: telegram, secretToken },
      meta: { id: meta, pageId, appSecret },
    });
  }

  /** `sender` of `channel` posts its messages, `pauseMs` apart, until `until()` is true. */
  async run(
    channel: WebhookChannel,
    sender: number,
    options: { pauseMs: number; until: () => boolean },
  ): Promise<void> {
    for (let index = 0; !options.until(); index++) {
      await this.send(channel, sender, index);
      await sleep(options.pauseMs);
    }
  }

  /** Each `ok` webhook stored exactly once, each `unknown` at most once, each `failed` never. */
  async check(databaseUrl: string): Promise<string[]> {
    const { rows } = await withClient(databaseUrl, (db) =>
      db.query<{ inbox_id: string; channel_message_id: string; n: string }>(
        `SELECT c.inbox_id, m.channel_message_id, count(*) AS n
           FROM conversation.messages m JOIN conversation.conversations c ON c.id = m.conversation_id
          WHERE c.inbox_id = ANY($1) AND m.sender_type = 'customer'
          GROUP BY c.inbox_id, m.channel_message_id`,
        [WEBHOOK_CHANNELS.map((channel) => this.inboxes[channel].id)],
      ),
    );
    const copies = new Map(rows.map((r) => [`${r.inbox_id} ${r.channel_message_id}`, Number(r.n)]));
    const violations: string[] = [];
    for (const op of this.operations) {
      const n = copies.get(`${op.inboxId} ${op.channelMessageId}`) ?? 0;
      const allowed = { ok: [1], unknown: [0, 1], failed: [0] }[op.outcome];
      if (!allowed.includes(n)) {
        violations.push(
          `${op.channel} webhook ${op.channelMessageId} (${op.outcome}) stored ${n}×`,
        );
      }
    }
    return violations;
  }

  /** How many `ok` webhooks have their message stored. */
  async storedCount(databaseUrl: string): Promise<number> {
    const ok = this.operations.filter((op) => op.outcome === 'ok');
    const { rows } = await withClient(databaseUrl, (db) =>
      db.query<{ n: string }>(
        `SELECT count(*) AS n FROM conversation.messages m
           JOIN conversation.conversations c ON c.id = m.conversation_id
          WHERE (c.inbox_id, m.channel_message_id) IN
                (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
        [ok.map((op) => op.inboxId), ok.map((op) => op.channelMessageId)],
      ),
    );
    return Number(rows[0].n);
  }

  private async send(channel: WebhookChannel, sender: number, index: number): Promise<void> {
    const request = this.request(channel, sender, index);
    const op: WebhookOperation = {
      channel,
      inboxId: this.inboxes[channel].id,
      channelMessageId: request.channelMessageId,
      outcome: 'unknown',
    };
    this.operations.push(op);
    let refusals = 0;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const started = performance.now();
      const status = await fetch(request.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...request.headers() },
        body: request.body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        })
        .catch(() => 0);
      if (status >= 200 && status < 300) {
        op.outcome = 'ok';
        op.acceptedMs = performance.now() - started;
        return;
      }
      if (status >= 400 && status < 500 && status !== 429) refusals += 1;
      await sleep(RETRY_PAUSE_MS);
    }
    if (refusals === ATTEMPTS) op.outcome = 'failed';
  }

  // The same shapes and signatures as the k6 scenarios (tests/load/scenarios/webhooks.ts).
  private request(
    channel: WebhookChannel,
    sender: number,
    index: number,
  ): {
    url: string;
    body: string;
    headers: () => Record<string, string>;
    channelMessageId: string;
  } {
    const { gatewayUrl, connectorSocialUrl } = this.urls;
    const text = `Where is my order? (${index})`;
    if (channel === 'api') {
      const { id, secret } = this.inboxes.api;
      const messageId = `load-${this.runId}-${sender}-${index}`;
      const body = JSON.stringify({
        messageId,
        contact: { id: `load-${this.runId}-${sender}`, name: `Load ${sender}` },
        content: text,
      });
      return {
        url: `${gatewayUrl}/api/v1/inboxes/${id}/messages`,
        body,
        // Signed per attempt: the timestamp must be recent.
        headers: () => {
          const timestamp = Math.floor(Date.now() / 1000);
          const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
          return { 'x-hub-timestamp': String(timestamp), 'x-hub-signature': `v1=${mac}` };
        },
        channelMessageId: messageId,
      };
    }
    if (channel === 'telegram') {
      const { id, secretToken } = this.inboxes.telegram;
      const chatId = 100_000 + sender;
      const messageId = index + 1;
      const body = JSON.stringify({
        update_id: sender * 1_000_000 + messageId,
        message: {
          message_id: messageId,
          from: { id: chatId, is_bot: false, first_name: 'Load', language_code: 'en' },
          chat: { id: chatId, first_name: 'Load', type: 'private' },
          date: Math.floor(Date.now() / 1000),
          text,
        },
      });
      return {
        url: `${connectorSocialUrl}/webhooks/telegram/${id}`,
        body,
        headers: () => ({ 'x-telegram-bot-api-secret-token': secretToken }),
        channelMessageId: `${chatId}:${messageId}`,
      };
    }
    const { pageId, appSecret } = this.inboxes.meta;
    const mid = `m_load-${this.runId}-${sender}-${index}`;
    const now = Date.now();
    const body = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: pageId,
          time: now,
          messaging: [
            {
              sender: { id: `psid-${this.runId}-${sender}` },
              recipient: { id: pageId },
              timestamp: now,
              message: { mid, text },
            },
          ],
        },
      ],
    });
    return {
      url: `${connectorSocialUrl}/webhooks/meta`,
      body,
      headers: () => ({ 'x-hub-signature-256': metaSignature(body, appSecret) }),
      channelMessageId: mid,
    };
  }
}
