import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgentConnectionChangedRequest,
  GatewayHeartbeatRequest,
  SetAgentPresenceRequest,
  SUBJECTS,
  type AgentView,
} from '@hub/contracts';
import { PresenceService } from './presence.service';

@Controller()
export class PresenceHandler {
  constructor(private readonly presence: PresenceService) {}

  @MessagePattern(SUBJECTS.routing.agentConnection)
  connection(@Payload() request: AgentConnectionChangedRequest): Promise<AgentView> {
    return this.presence.connectionChanged(request);
  }

  @MessagePattern(SUBJECTS.routing.gatewayHeartbeat)
  heartbeat(@Payload() request: GatewayHeartbeatRequest): Promise<{ ok: true }> {
    return this.presence.heartbeat(request);
  }

  @MessagePattern(SUBJECTS.routing.setPresence)
  setPresence(@Payload() request: SetAgentPresenceRequest): Promise<AgentView> {
    return this.presence.setPresence(request);
  }
}
