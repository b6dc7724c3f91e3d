import type { PublicEventEnvelope, PublicEventType } from '@hub/contracts';
import type { DueDelivery } from './webhook-deliveries.repository';

/** The version number of `conversation.created.v1`. */
function versionOf(eventKey: string): number {
  return Number(/\.v(\d+)$/.exec(eventKey)?.[1]);
}

/** The body of a delivery: the event in the version its target subscribed to. */
export function envelopeOf(delivery: DueDelivery): PublicEventEnvelope {
  const version = versionOf(delivery.eventKey);
  return {
    id: delivery.eventId,
    type: delivery.type as PublicEventType,
    version,
    timestamp: delivery.occurredAt.toISOString(),
    workspaceId: delivery.workspaceId,
    data: delivery.data[String(version)] ?? {},
  };
}
