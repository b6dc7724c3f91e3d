import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, ValidateNested } from 'class-validator';
import { AGENT_ROLES, type AgentRole } from '@hub/domain';
import { Actor } from '../common/actor';
import { IsHttpUrl } from '../common/http-url';
import { IsEntityId, IsOneOfChange } from '../common/validators';
import type { AgentView } from '../views/agent-view';

/** The fields an agent change may set; a change names at least one. */
export const AGENT_CHANGE_FIELDS = ['role', 'active', 'avatarUrl'] as const;

/**
 * `routing.agent.update` → UpdateAgentReply: an admin changes an agent's role or
 * (de)activates them. Routing checks the actor's current role (admins only) and refuses
 * ROUTING_LAST_ADMIN when the workspace would be left without an active admin; an inactive
 * agent cannot log in, and every service treats them as gone.
 */
export class UpdateAgentRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsOneOfChange(AGENT_CHANGE_FIELDS) @IsIn(AGENT_ROLES) role?: AgentRole;
  @IsOneOfChange(AGENT_CHANGE_FIELDS) @IsBoolean() active?: boolean;
  /** The agent's picture shown to visitors; null removes it. Changes no session. */
  @IsOneOfChange(AGENT_CHANGE_FIELDS) @IsHttpUrl({ nullable: true }) avatarUrl?: string | null;
}

export interface UpdateAgentReply {
  /** The agent after the request. */
  agent: AgentView;
  /**
   * False when the agent already had the requested role and active flag: the agent's sessions
   * stand (an avatar change alone changes no session).
   */
  changed: boolean;
}
