import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { IsClientId, IsEntityId } from '../common/validators';

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

/** The reply of `routing.gateway.heartbeat`: the connections were recorded. */
export interface GatewayHeartbeatReply {
  ok: true;
}
