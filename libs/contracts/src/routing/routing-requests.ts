import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Actor } from '../common/actor';
import { IsClientId, IsEntityId } from '../common/validators';

/** `routing.agent.authenticate` → AgentView, or AUTH_INVALID_CREDENTIALS (same for any cause). */
export class AuthenticateAgentRequest {
  @IsEntityId() workspaceId!: string;
  @IsEmail() email!: string;
  @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

/** `routing.agent.get` → AgentView or AGENT_NOT_FOUND. */
export class GetAgentRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
}

/** `routing.agent.list` → AgentView[]; `routing.department.list` → DepartmentView[]. */
export class WorkspaceScopedRequest {
  @IsEntityId() workspaceId!: string;
}

export const SETTABLE_PRESENCES = ['online', 'away'] as const;

/** `routing.agent.presence.set` → AgentView: the agent chose online or away. */
export class SetAgentPresenceRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
  @IsIn(SETTABLE_PRESENCES) presence!: (typeof SETTABLE_PRESENCES)[number];
}

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

export class GatewayConnection {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() agentId!: string;
  @IsClientId() connectionId!: string;
}

/**
 * `routing.gateway.heartbeat` → GatewayHeartbeatReply: every few seconds each gateway replica lists the
 * agent sockets it holds; connections of a gateway that stops beating are dropped.
 */
export class GatewayHeartbeatRequest {
  @IsClientId() gatewayId!: string;
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => GatewayConnection)
  @ArrayMaxSize(100_000)
  connections!: GatewayConnection[];
}

/** `routing.queue.get` → QueueEntryView[] in order. */
export class GetQueueRequest {
  @IsEntityId() workspaceId!: string;
  @IsOptional() @IsEntityId() departmentId?: string;
}

/** `routing.queue.pick` → ConversationView: an agent takes a waiting conversation by hand. */
export class PickConversationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
}

/**
 * `routing.conversation.transfer` → ConversationView: to another agent (`toAgentId`) or to a
 * department's queue (`toDepartmentId`); exactly one of them.
 */
export class TransferConversationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsDefined() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsOptional() @IsEntityId() toAgentId?: string;
  @IsOptional() @IsEntityId() toDepartmentId?: string;
}
