import { IsIn } from 'class-validator';
import { AGENT_ROLES, type AgentRole } from '@hub/domain';
import { IsEntityId } from './validators';

/** The authenticated agent on whose behalf a request is made (from the gateway's JWT). */
export class Actor {
  @IsEntityId()
  agentId!: string;

  @IsIn(AGENT_ROLES)
  role!: AgentRole;
}
