import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, MinLength, ValidateNested } from 'class-validator';
import { AGENT_ROLES, type AgentRole } from '@hub/domain';
import { Actor } from '../common/actor';
import { IsHttpUrl } from '../common/http-url';
import { IsEntityId, IsOneOfChange, IsPersonName } from '../common/validators';
import {
  AGENT_LOCALES,
  IsDepartmentIds,
  IsMaxConcurrentChats,
  type AgentLocale,
} from './create-agent';
import type { AgentView } from '../views/agent-view';

/** The fields an agent change may set; a change names at least one. */
export const AGENT_CHANGE_FIELDS = [
  'role',
  'active',
  'avatarUrl',
  'name',
  'maxConcurrentChats',
  'departmentIds',
  'locale',
] as const;

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
  /** The name customers and colleagues see. Changes no session. */
  @IsOneOfChange(AGENT_CHANGE_FIELDS) @IsPersonName() @MinLength(1) name?: string;
  /** Changes no session; routing offers chats up to it from the next assignment. */
  @IsOneOfChange(AGENT_CHANGE_FIELDS) @IsMaxConcurrentChats() maxConcurrentChats?: number;
  /** The departments the agent serves, replacing the current ones. Changes no session. */
  @IsOneOfChange(AGENT_CHANGE_FIELDS) @IsDepartmentIds() departmentIds?: string[];
  /** The inbox app's language for the agent. Changes no session. */
  @IsOneOfChange(AGENT_CHANGE_FIELDS) @IsIn(AGENT_LOCALES) locale?: AgentLocale;
}

export interface UpdateAgentReply {
  /** The agent after the request. */
  agent: AgentView;
  /**
   * False when the agent already had the requested role and active flag: the agent's sessions
   * stand (a change of only the other fields ends no session).
   */
  changed: boolean;
}
