// Spike: a sudden crowd (a campaign goes out). 0 -> 1,000 visitors in 30 s, then gone; webhooks
// jump from 10/s to 200/s. Errors and latency may rise during the spike, but must stay rare.
import type { Options, Scenario } from 'k6/options';
import { enabledScenarios, thresholds } from './config.ts';

export { agentsReplying } from './scenarios/agent.ts';
export { visitorChats } from './scenarios/visitor.ts';
export { apiInboxMessages, metaWebhooks, telegramWebhooks } from './scenarios/webhooks.ts';

const webhooks: Scenario = {
  executor: 'ramping-arrival-rate',
  startRate: 10,
  timeUnit: '1s',
  preAllocatedVUs: 50,
  maxVUs: 500,
  stages: [
    { duration: '30s', target: 200 },
    { duration: '1m', target: 200 },
    { duration: '30s', target: 10 },
  ],
};

export const options: Options = {
  scenarios: enabledScenarios({
    visitors: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: '30s', target: 1_000 },
        { duration: '1m', target: 1_000 },
        { duration: '30s', target: 0 },
      ],
    },
    agents: { executor: 'constant-vus', vus: 50, duration: '2m' },
    api: webhooks,
    telegram: webhooks,
    meta: webhooks,
  }),
  thresholds: {
    ...thresholds,
    http_req_failed: ['rate<0.05'],
    http_req_duration: ['p(95)<1000'],
    message_accepted: ['p(95)<500'],
    message_stored: ['p(95)<1000'],
    webhook_accepted: ['p(95)<500'],
  },
};
