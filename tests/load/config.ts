// Shared by every k6 script here (grafana/quickpizza's layout): where the hub is, who the load
// signs in as, and the thresholds a run must meet. k6 (1.0 or later runs TypeScript) runs these,
// not node; see tests/load/README.md. Only ever point them at a hub you run yourself.
import type { Options } from 'k6/options';

const env = (name: string, fallback = ''): string => __ENV[name] || fallback;

export const GATEWAY_URL = env('GATEWAY_URL', 'http://127.0.0.1:3000');
export const CONNECTOR_WEB_URL = env('CONNECTOR_WEB_URL', 'http://127.0.0.1:3001');
export const CONNECTOR_SOCIAL_URL = env('CONNECTOR_SOCIAL_URL', 'http://127.0.0.1:3003');

export const ws = (httpUrl: string, path: string): string =>
  `${httpUrl.replace(/^http/, 'ws')}${path}`;

/** The web inbox whose widget the visitors use. */
export const WEB_INBOX_ID = env('WEB_INBOX_ID');

/** Agents of one workspace who answer: `AGENT_EMAILS` comma-separated, one shared password. */
export const WORKSPACE = env('WORKSPACE');
export const AGENT_EMAILS = env('AGENT_EMAILS')
  .split(',')
  .filter((email) => email !== '');
export const AGENT_PASSWORD = env('AGENT_PASSWORD');

/** An API inbox and its signing secret (the integrators' channel). */
export const API_INBOX_ID = env('API_INBOX_ID');
export const API_INBOX_SECRET = env('API_INBOX_SECRET');
/** A Telegram inbox and the `secret_token` given to setWebhook. */
export const TELEGRAM_INBOX_ID = env('TELEGRAM_INBOX_ID');
export const TELEGRAM_SECRET_TOKEN = env('TELEGRAM_SECRET_TOKEN');
/** A Messenger inbox: its Facebook page id and the Meta app secret that signs the webhooks. */
export const META_PAGE_ID = env('META_PAGE_ID');
export const META_APP_SECRET = env('META_APP_SECRET');

/** How many messages a visitor sends per iteration, and the pause between them (a person typing). */
export const MESSAGES_PER_CHAT = Number(env('MESSAGES_PER_CHAT', '5'));
export const TYPING_PAUSE_S = Number(env('TYPING_PAUSE_S', '2'));

interface Percentiles {
  p95: number;
  p99: number;
}
/** The limits, shared with the Node load runner (`npm run load`), which reads the same file. */
const limits = JSON.parse(open('./thresholds.json')) as {
  failedRate: number;
  message_accepted: Percentiles;
  message_stored: Percentiles;
  agent_reply_acked: Percentiles;
  webhook_accepted: Percentiles;
};
const percentiles = ({ p95, p99 }: Percentiles) => [`p(95)<${p95}`, `p(99)<${p99}`];

/**
 * A run that misses one of these exits non-zero. The custom metrics are the hub's promises:
 * `message_accepted` (send → durably admitted), `message_stored` (send → stored, with its seq),
 * `agent_reply_acked` (an agent's reply stored), `webhook_accepted` (a webhook's 2xx).
 */
export const thresholds: Options['thresholds'] = {
  http_req_failed: ['rate<0.01'],
  http_req_duration: ['p(95)<200', 'p(99)<500'],
  checks: ['rate>0.99'],
  message_failed: [`rate<${limits.failedRate}`],
  message_accepted: percentiles(limits.message_accepted),
  message_stored: percentiles(limits.message_stored),
  agent_reply_acked: percentiles(limits.agent_reply_acked),
  webhook_accepted: percentiles(limits.webhook_accepted),
};

/** The scenarios each profile runs; the profile sets how many of each, and for how long. */
export const SCENARIO_EXEC = {
  visitors: 'visitorChats',
  agents: 'agentsReplying',
  api: 'apiInboxMessages',
  telegram: 'telegramWebhooks',
  meta: 'metaWebhooks',
} as const;

/** Agents stay signed in for the whole run; the other scenarios only run when configured. */
export function enabledScenarios(
  scenarios: Record<keyof typeof SCENARIO_EXEC, NonNullable<Options['scenarios']>[string]>,
): NonNullable<Options['scenarios']> {
  const configured: Record<keyof typeof SCENARIO_EXEC, boolean> = {
    visitors: WEB_INBOX_ID !== '',
    agents: AGENT_EMAILS.length > 0,
    api: API_INBOX_ID !== '',
    telegram: TELEGRAM_INBOX_ID !== '',
    meta: META_PAGE_ID !== '',
  };
  const chosen: NonNullable<Options['scenarios']> = {};
  for (const key of Object.keys(SCENARIO_EXEC) as (keyof typeof SCENARIO_EXEC)[]) {
    if (configured[key]) chosen[key] = { ...scenarios[key], exec: SCENARIO_EXEC[key] };
  }
  return chosen;
}
