import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AGENT_ROLES, type AgentRole } from '@hub/domain';
import { Actor } from '../common/actor';
import { compose, IsEmailAddress, IsEntityId, IsPersonName } from '../common/validators';
import type { AgentView } from '../views/agent-view';

/** The languages of the inbox app; an agent's `locale` picks one. */
export const AGENT_LOCALES = ['en', 'zh-CN', 'zh-TW', 'ja'] as const;
export type AgentLocale = (typeof AGENT_LOCALES)[number];

export const MIN_PASSWORD_LENGTH = 10;

/** A new password: 10 to 200 characters (the hash's cost, not its strength, bounds the top). */
export function IsNewPassword(): PropertyDecorator {
  return compose(IsString(), MinLength(MIN_PASSWORD_LENGTH), MaxLength(200));
}

/** How many chats an agent may hold at once. */
export function IsMaxConcurrentChats(): PropertyDecorator {
  return compose(IsInt(), Min(1), Max(50));
}

/** A set of departments of the workspace (routing checks each exists there). */
export function IsDepartmentIds(): PropertyDecorator {
  return compose(IsArray(), ArrayMaxSize(100), ArrayUnique(), IsUUID('all', { each: true }));
}

/**
 * `routing.agent.create` → CreateAgentReply: an admin adds an agent. With `password` the agent
 * can log in at once; without, they are invited: the reply carries a one-time token that
 * `routing.agent.invitation.accept` redeems (setting name and password) within a week, and the
 * agent cannot log in before. An email the workspace already has is refused
 * (ROUTING_AGENT_EMAIL_TAKEN).
 */
export class CreateAgentRequest {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsEmailAddress() @MaxLength(320) email!: string;
  @IsPersonName() @MinLength(1) name!: string;
  @IsIn(AGENT_ROLES) role!: AgentRole;
  @IsOptional() @IsNewPassword() password?: string;
  @IsOptional() @IsMaxConcurrentChats() maxConcurrentChats?: number;
  @IsOptional() @IsDepartmentIds() departmentIds?: string[];
  @IsOptional() @IsIn(AGENT_LOCALES) locale?: AgentLocale;
}

export interface CreateAgentReply {
  agent: AgentView;
  /** Only for an invitation: the one-time token, answered this once and stored only hashed. */
  invitationToken: string | null;
  /** When the invitation stops being valid (ISO 8601), or null. */
  invitationExpiresAt: string | null;
}

/** An invitation token: 43 base64url characters (32 random bytes). */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * `routing.agent.invitation.accept` → AgentView: the invited agent sets their name and password;
 * the token works once (ROUTING_INVITATION_INVALID when unknown, used or expired).
 */
export class AcceptAgentInvitationRequest {
  @Matches(INVITATION_TOKEN_PATTERN) token!: string;
  @IsPersonName() @MinLength(1) name!: string;
  @IsNewPassword() password!: string;
}

/**
 * `routing.agent.password.change` → AgentView: an agent changes their own password, proving
 * the current one (ROUTING_INVALID_CREDENTIALS otherwise).
 */
export class ChangeAgentPasswordRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
  @IsString() @MaxLength(200) currentPassword!: string;
  @IsNewPassword() newPassword!: string;
}

/**
 * `routing.agent.create-first-admin` → AgentView: the first admin of a workspace the gateway has
 * just created (signup). Refused once the workspace has any agent (ROUTING_ADMIN_ONLY): every
 * later agent is added by an admin.
 */
export class CreateFirstAdminRequest {
  @IsEntityId() workspaceId!: string;
  @IsEmailAddress() @MaxLength(320) email!: string;
  @IsPersonName() @MinLength(1) name!: string;
  @IsNewPassword() password!: string;
}
