import { IsIn } from 'class-validator';
import { IsEntityId } from '../common/validators';

/** The channels whose inboxes a platform calls back on connector-social. */
export const PLATFORM_WEBHOOK_CHANNELS = [
  'messenger',
  'instagram',
  'whatsapp',
  'telegram',
  'line',
] as const;
export type PlatformWebhookChannel = (typeof PLATFORM_WEBHOOK_CHANNELS)[number];

/**
 * `connector-social.webhook-endpoint.get` → WebhookEndpointView: what an admin pastes into the
 * platform's console for the inbox (the caller has checked the inbox is of its workspace).
 */
export class GetWebhookEndpointRequest {
  @IsEntityId() inboxId!: string;
  @IsIn(PLATFORM_WEBHOOK_CHANNELS) channel!: PlatformWebhookChannel;
}

export interface WebhookEndpointView {
  /**
   * `<SOCIAL_PUBLIC_URL>/webhooks/meta` (Messenger, Instagram, WhatsApp),
   * `/webhooks/telegram/<inboxId>` (registered by setWebhook) or `/webhooks/line/<inboxId>`;
   * null while the operator has not set SOCIAL_PUBLIC_URL.
   */
  url: string | null;
  /** Meta's callback verify token (META_VERIFY_TOKEN); null for the others or when unset. */
  verifyToken: string | null;
}

/** The inbox's webhook URL under connector-social's public URL. */
export function platformWebhookUrl(
  publicUrl: string,
  channel: PlatformWebhookChannel,
  inboxId: string,
): string {
  const base = `${publicUrl.replace(/\/$/, '')}/webhooks`;
  if (channel === 'telegram' || channel === 'line') return `${base}/${channel}/${inboxId}`;
  return `${base}/meta`;
}
