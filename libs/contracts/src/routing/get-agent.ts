import { IsEntityId } from '../common/validators';

/** `routing.agent.get` → AgentView or AGENT_NOT_FOUND. */
export class GetAgentRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
}
