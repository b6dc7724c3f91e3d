// Soak: an ordinary load held for four hours, to find what only time shows (memory growth,
// connection leaks, a stream or table that only grows). Same thresholds as the load test.
import type { Options, Scenario } from 'k6/options';
import { enabledScenarios, thresholds } from './config.ts';

export { agentsReplying } from './scenarios/agent.ts';
export { visitorChats } from './scenarios/visitor.ts';
export { apiInboxMessages, metaWebhooks, telegramWebhooks } from './scenarios/webhooks.ts';

const hours = '4h';
const webhooks: Scenario = {
  executor: 'constant-arrival-rate',
  rate: 5,
  timeUnit: '1s',
  duration: hours,
  preAllocatedVUs: 10,
  maxVUs: 50,
};

export const options: Options = {
  scenarios: enabledScenarios({
    visitors: { executor: 'constant-vus', vus: 100, duration: hours },
    agents: { executor: 'constant-vus', vus: 10, duration: hours },
    api: webhooks,
    telegram: webhooks,
    meta: webhooks,
  }),
  thresholds,
};
