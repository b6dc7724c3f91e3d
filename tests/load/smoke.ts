// Smoke: one of each for 30 s. Does the hub answer at all, and fast?
import type { Options, Scenario } from 'k6/options';
import { enabledScenarios, thresholds } from './config.ts';

export { agentsReplying } from './scenarios/agent.ts';
export { visitorChats } from './scenarios/visitor.ts';
export { apiInboxMessages, metaWebhooks, telegramWebhooks } from './scenarios/webhooks.ts';

const one: Scenario = { executor: 'constant-vus', vus: 1, duration: '30s' };

export const options: Options = {
  scenarios: enabledScenarios({ visitors: one, agents: one, api: one, telegram: one, meta: one }),
  thresholds,
};
