/** The reply of `routing.gateway.heartbeat`: the connections were recorded. */
export interface GatewayHeartbeatReply {
  ok: true;
}
