/** A webhook subscription as its admins read it; the secret is shown once, on creation. */
export interface WebhookView {
  id: string;
  url: string;
  description: string | null;
  /** `conversation.created.v1`...: each event and the version subscribed to. */
  events: string[];
  status: 'active' | 'paused';
  /** Failed attempts in a row; at the workspace's limit the subscription is paused. */
  consecutiveFailures: number;
  pausedAt: string | null;
  /** After a secret rotation: until when deliveries also carry the previous secret's signature. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A new (or rotated) subscription, with the `whsec_` secret its deliveries are signed with. */
export interface CreatedWebhookView extends WebhookView {
  secret: string;
}

/** One delivery of one event to one subscription: the delivery log's line. */
export interface WebhookDeliveryView {
  id: string;
  /** The event's id: the `webhook-id` header of every attempt. */
  eventId: string;
  event: string;
  replay: boolean;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface SubscriptionRow {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  status: 'active' | 'paused';
  consecutive_failures: number;
  paused_at: Date | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function webhookView(row: SubscriptionRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    status: row.status,
    consecutiveFailures: row.consecutive_failures,
    pausedAt: row.paused_at?.toISOString() ?? null,
    previousSecretExpiresAt: overlapEnd(row.previous_secret_expires_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function overlapEnd(expiresAt: Date | null): string | null {
  return expiresAt && expiresAt.getTime() > Date.now() ? expiresAt.toISOString() : null;
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  event_key: string;
  replay: boolean;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_response_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

export function deliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    eventId: row.event_id,
    event: row.event_key,
    replay: row.replay,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    lastResponseStatus: row.last_response_status,
    lastError: row.last_error,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
