import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  SUBJECTS,
  type AgentConnectionChangedRequest,
  type AgentView,
  type GatewayHeartbeatRequest,
} from '@hub/contracts';
import { withCorrelationId } from '@hub/observability';
import { RpcClient } from '@hub/service-kit';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import type { AgentConnection } from './agent-connection';

/**
 * What routing must know about this replica's sockets to keep presence right: each socket
 * opening and closing, and a heartbeat listing all of them, so the sockets of a gateway that
 * died without saying so are dropped.
 */
@Injectable()
export class RoutingPresence {
  /** This process's id towards routing; a restarted process is a new gateway. */
  readonly gatewayId = `gateway-${randomUUID()}`;
  private readonly logger = new Logger(RoutingPresence.name);
  private heartbeatInFlight = false;

  constructor(private readonly rpc: RpcClient) {}

  announce(
    connection: AgentConnection,
    agent: AuthenticatedAgent,
    connected: boolean,
  ): Promise<AgentView> {
    const request: AgentConnectionChangedRequest = {
      workspaceId: agent.workspaceId,
      agentId: agent.agentId,
      gatewayId: this.gatewayId,
      connectionId: connection.id,
      connected,
    };
    return this.rpc.request(SUBJECTS.routing.agentConnection, request);
  }

  /** Lists the announced sockets; a beat still in flight makes the next one wait its turn. */
  async heartbeat(connections: Iterable<AgentConnection>): Promise<void> {
    if (this.heartbeatInFlight) return;
    this.heartbeatInFlight = true;
    const request: GatewayHeartbeatRequest = { gatewayId: this.gatewayId, connections: [] };
    for (const connection of connections) {
      if (connection.announced && connection.agent) {
        const { workspaceId, agentId } = connection.agent;
        request.connections.push({ workspaceId, agentId, connectionId: connection.id });
      }
    }
    try {
      await withCorrelationId(undefined, () =>
        this.rpc.request(SUBJECTS.routing.gatewayHeartbeat, request),
      );
    } catch (error) {
      this.logger.warn(
        { err: error, connections: request.connections.length },
        'gateway heartbeat failed',
      );
    } finally {
      this.heartbeatInFlight = false;
    }
  }
}
