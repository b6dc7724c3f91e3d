// Messages arriving over HTTP, signed as their senders sign them: the API channel
// (`POST /api/v1/inboxes/:id/messages`, `X-Hub-Timestamp` + `X-Hub-Signature: v1=<hex HMAC-SHA256
// of "timestamp.body">`), Telegram's webhook (`X-Telegram-Bot-Api-Secret-Token`) and Meta's
// (`X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body under the app secret>`).
import { check } from 'k6';
import crypto from 'k6/crypto';
import exec from 'k6/execution';
import http, { type RefinedResponse, type ResponseType } from 'k6/http';
import { Trend } from 'k6/metrics';
import {
  API_INBOX_ID,
  API_INBOX_SECRET,
  CONNECTOR_SOCIAL_URL,
  GATEWAY_URL,
  META_APP_SECRET,
  META_PAGE_ID,
  TELEGRAM_INBOX_ID,
  TELEGRAM_SECRET_TOKEN,
} from '../config.ts';

const webhookAccepted = new Trend('webhook_accepted', true);

/** A customer per VU, a fresh message per iteration: unique ids across the whole test. */
const sender = () => `k6-${exec.vu.idInTest}`;
const messageId = () => `${sender()}-${exec.vu.iterationInScenario}-${Date.now()}`;

function accepted(name: string, response: RefinedResponse<ResponseType>): void {
  webhookAccepted.add(response.timings.duration, { name });
  check(response, { [`${name} accepted`]: (r) => r.status >= 200 && r.status < 300 });
}

export function apiInboxMessages(): void {
  const body = JSON.stringify({
    messageId: messageId(),
    contact: { id: sender(), name: `Load ${exec.vu.idInTest}` },
    content: 'Where is my order?',
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = crypto.hmac('sha256', API_INBOX_SECRET, `${timestamp}.${body}`, 'hex');
  const response = http.post(`${GATEWAY_URL}/api/v1/inboxes/${API_INBOX_ID}/messages`, body, {
    headers: {
      'content-type': 'application/json',
      'x-hub-timestamp': String(timestamp),
      'x-hub-signature': `v1=${signature}`,
    },
    tags: { name: 'api inbox message' },
  });
  accepted('api inbox message', response);
}

export function telegramWebhooks(): void {
  const chatId = 100_000 + exec.vu.idInTest;
  const update = {
    update_id: exec.scenario.iterationInTest + 1,
    message: {
      message_id: exec.vu.iterationInScenario + 1,
      from: { id: chatId, is_bot: false, first_name: 'Load', language_code: 'en' },
      chat: { id: chatId, first_name: 'Load', type: 'private' },
      date: Math.floor(Date.now() / 1000),
      text: 'Where is my order?',
    },
  };
  const response = http.post(
    `${CONNECTOR_SOCIAL_URL}/webhooks/telegram/${TELEGRAM_INBOX_ID}`,
    JSON.stringify(update),
    {
      headers: {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': TELEGRAM_SECRET_TOKEN,
      },
      tags: { name: 'telegram webhook' },
    },
  );
  accepted('telegram webhook', response);
}

export function metaWebhooks(): void {
  const now = Date.now();
  const body = JSON.stringify({
    object: 'page',
    entry: [
      {
        id: META_PAGE_ID,
        time: now,
        messaging: [
          {
            sender: { id: `psid-${sender()}` },
            recipient: { id: META_PAGE_ID },
            timestamp: now,
            message: { mid: `m_${messageId()}`, text: 'Where is my order?' },
          },
        ],
      },
    ],
  });
  const signature = crypto.hmac('sha256', META_APP_SECRET, body, 'hex');
  const response = http.post(`${CONNECTOR_SOCIAL_URL}/webhooks/meta`, body, {
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` },
    tags: { name: 'meta webhook' },
  });
  accepted('meta webhook', response);
}
