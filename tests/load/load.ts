// Load: a normal busy hour, compressed. Visitors ramp to 200 chatting at once, 20 agents
// answer, webhooks arrive at a steady 20/s per channel (9 minutes).
import type { Options, Scenario } from 'k6/options';
import { enabledScenarios, thresholds } from './config.ts';

export { agentsReplying } from './scenarios/agent.ts';
export { visitorChats } from './scenarios/visitor.ts';
export { apiInboxMessages, metaWebhooks, telegramWebhooks } from './scenarios/webhooks.ts';

const stages = [
  { duration: '2m', target: 200 },
  { duration: '5m', target: 200 },
  { duration: '2m', target: 0 },
];
const webhooks: Scenario = {
  executor: 'constant-arrival-rate',
  rate: 20,
  timeUnit: '1s',
  duration: '9m',
  preAllocatedVUs: 20,
  maxVUs: 100,
};

export const options: Options = {
  scenarios: enabledScenarios({
    visitors: { executor: 'ramping-vus', startVUs: 0, stages },
    agents: { executor: 'constant-vus', vus: 20, duration: '9m' },
    api: webhooks,
    telegram: webhooks,
    meta: webhooks,
  }),
  thresholds,
};
