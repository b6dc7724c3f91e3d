import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { AGENT_ROLES, type AgentRole } from '@hub/domain';
import { Actor } from '../common/actor';
import { IsEntityId } from '../common/validators';

/**
 * `routing.agent.update` → AgentView: an admin changes an agent's role or (de)activates them.
 * Routing checks the actor's current role (admins only); an inactive agent cannot log in, and
 * every service treats them as gone.
 */
export class UpdateAgentRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsOptional() @IsIn(AGENT_ROLES) role?: AgentRole;
  @IsOptional() @IsBoolean() active?: boolean;
}
