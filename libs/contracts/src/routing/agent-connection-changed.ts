import { IsIn } from 'class-validator';
import { IsClientId, IsEntityId } from '../common/validators';

/**
 * `routing.agent.connection` → AgentView: a gateway opened or closed one of the agent's
 * sockets. The agent is online while any socket is open; after the last one closes it goes
 * offline, and after a grace period its unanswered conversations return to the queue.
 */
export class AgentConnectionChangedRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
  @IsClientId() gatewayId!: string;
  @IsClientId() connectionId!: string;
  @IsIn([true, false]) connected!: boolean;
}
