import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AgentConnectionChangedRequest,
  GatewayHeartbeatRequest,
  SetAgentPresenceRequest,
  SUBJECTS,
  type AgentView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { PresenceService } from './presence.service';

@Controller()
export class PresenceHandler {
  constructor(private readonly presence: PresenceService) {}

  @RequestPattern(SUBJECTS.routing.agentConnection)
  connection(@Payload() request: AgentConnectionChangedRequest): Promise<AgentView> {
    return this.presence.connectionChanged(request);
  }

  @RequestPattern(SUBJECTS.routing.gatewayHeartbeat)
  heartbeat(@Payload() request: GatewayHeartbeatRequest): Promise<{ ok: true }> {
    return this.presence.heartbeat(request);
  }

  @RequestPattern(SUBJECTS.routing.setPresence)
  setPresence(@Payload() request: SetAgentPresenceRequest): Promise<AgentView> {
    return this.presence.setPresence(request);
  }
}
