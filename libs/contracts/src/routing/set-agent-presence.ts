import { IsIn } from 'class-validator';
import { IsEntityId } from '../common/validators';

export const SETTABLE_PRESENCES = ['online', 'away'] as const;

/** `routing.agent.presence.set` → AgentView: the agent chose online or away. */
export class SetAgentPresenceRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
  @IsIn(SETTABLE_PRESENCES) presence!: (typeof SETTABLE_PRESENCES)[number];
}
