import { Inject, Injectable } from '@nestjs/common';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';

/**
 * Agent replies per agent, per second and per minute, over REST and the agent socket alike and
 * counted across gateway replicas: a stolen token or a runaway script cannot flood customers.
 */
@Injectable()
export class AgentMessageLimit {
  private readonly perAgent: RateLimit;

  constructor(store: RateLimitStore, @Inject(SERVICE_ENV) env: GatewayEnv) {
    this.perAgent = store.limit('agent-messages', [
      { points: env.AGENT_MESSAGES_PER_SECOND, windowSeconds: 1 },
      { points: env.AGENT_MESSAGES_PER_MINUTE, windowSeconds: 60 },
    ]);
  }

  /** Resolves when the reply may go out; RATE_LIMITED (retryAfterMs) when it may not. */
  admit(agentId: string): Promise<void> {
    return this.perAgent.consume(agentId);
  }
}
