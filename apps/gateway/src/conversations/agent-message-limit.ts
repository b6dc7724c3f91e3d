import { Inject, Injectable } from '@nestjs/common';
import { SettledLimits, type SettledLimit } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';

/**
 * Agent replies per agent, per second and per minute, over REST and the agent socket alike and
 * counted across gateway replicas: a stolen token or a runaway script cannot flood customers.
 * Charged in memory (SettledLimits): it runs for every reply.
 */
@Injectable()
export class AgentMessageLimit {
  private readonly perAgent: SettledLimit;

  constructor(limits: SettledLimits, @Inject(SERVICE_ENV) env: GatewayEnv) {
    this.perAgent = limits.limit('agent-messages', [
      { points: env.AGENT_MESSAGES_PER_SECOND, windowSeconds: 1 },
      { points: env.AGENT_MESSAGES_PER_MINUTE, windowSeconds: 60 },
    ]);
  }

  /** Throws RATE_LIMITED (retryAfterMs) when the reply may not go out. */
  admit(agentId: string): void {
    this.perAgent.charge(agentId);
  }
}
