import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LatencySummary } from '../stats';
import type { LoadRun } from './load-run';
import { WEBHOOK_CHANNELS, type WebhookLoad } from './webhook-load';

interface Percentiles {
  p95: number;
  p99: number;
}
/** The k6 scripts' limits (tests/load/thresholds.json), so both runners judge alike. */
export interface Thresholds {
  failedRate: number;
  message_accepted: Percentiles;
  message_stored: Percentiles;
  agent_reply_acked: Percentiles;
  webhook_accepted: Percentiles;
}

export function readThresholds(): Thresholds {
  const file = path.resolve(__dirname, '../../../load/thresholds.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Thresholds;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const fmt = (value: number) => `${value.toFixed(1)} ms`;

/** One line per measured metric: p50, p95, p99 next to its threshold, and whether it held. */
function metricLine(name: string, samples: number[], limit?: Percentiles): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => percentile(sorted, q));
  const verdict = limit
    ? `threshold p95<${limit.p95} p99<${limit.p99}: ${p95 < limit.p95 && p99 < limit.p99 ? 'met' : 'MISSED'}`
    : '';
  return `${name.padEnd(20)} n=${String(sorted.length).padStart(6)}  p50 ${fmt(p50).padStart(9)}  p95 ${fmt(p95).padStart(9)}  p99 ${fmt(p99).padStart(9)}  ${verdict}`;
}

/** `webhook_accepted` per channel and overall, and the rate of webhooks never answered 2xx. */
function webhookLines(webhooks: WebhookLoad, thresholds: Thresholds): string[] {
  const ops = webhooks.operations;
  const notOk = ops.filter((op) => op.outcome !== 'ok').length;
  const rate = ops.length ? notOk / ops.length : 0;
  const accepted = (channel?: string) =>
    ops.flatMap((op) =>
      op.acceptedMs !== undefined && (!channel || op.channel === channel) ? [op.acceptedMs] : [],
    );
  return [
    `webhooks sent ${ops.length}, accepted ${ops.length - notOk}, not accepted ${notOk} (rate ${rate.toFixed(4)}, threshold <${thresholds.failedRate}: ${rate < thresholds.failedRate ? 'met' : 'MISSED'})`,
    metricLine('webhook_accepted', accepted(), thresholds.webhook_accepted),
    ...WEBHOOK_CHANNELS.map((channel) => metricLine(`  ${channel}`, accepted(channel))),
  ];
}

/** The figures `npm run load` prints: what k6's thresholds measure, next to the floors. */
export function loadReport(
  run: LoadRun,
  floors: Record<string, LatencySummary>,
  thresholds: Thresholds,
  webhooks?: WebhookLoad,
): string {
  const ops = run.history.operations;
  const since = (at: number | undefined, start: number) => (at === undefined ? [] : [at - start]);
  const notOk = ops.filter((op) => op.outcome !== 'ok').length;
  const failedRate = ops.length ? notOk / ops.length : 0;
  return [
    `sent ${ops.length}, acknowledged ${ops.length - notOk}, not acknowledged ${notOk} (rate ${failedRate.toFixed(4)}, threshold <${thresholds.failedRate}: ${failedRate < thresholds.failedRate ? 'met' : 'MISSED'})`,
    metricLine(
      'message_accepted',
      ops.flatMap((op) => since(op.acceptedAt, op.startedAt)),
      thresholds.message_accepted,
    ),
    metricLine(
      'message_stored',
      ops.flatMap((op) => since(op.storedAt, op.startedAt)),
      thresholds.message_stored,
    ),
    metricLine(
      'delivered to agent',
      ops.flatMap((op) => since(op.deliveredAt, op.startedAt)),
    ),
    metricLine(
      'agent_reply_acked',
      run.agents.flatMap((agent) => agent.replyTimes),
      thresholds.agent_reply_acked,
    ),
    ...(webhooks ? webhookLines(webhooks, thresholds) : []),
    ...Object.entries(floors).map(
      ([name, s]) =>
        `floor: ${name.padEnd(22)} n=${String(s.count).padStart(6)}  p50 ${fmt(s.p50).padStart(9)}  p99 ${fmt(s.p99).padStart(9)}`,
    ),
  ].join('\n');
}
