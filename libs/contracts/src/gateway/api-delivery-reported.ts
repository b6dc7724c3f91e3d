import { EmailDeliveryReported } from '../email/email-reply-requested';

/**
 * `evt.gateway.api.delivery.reported.v1` (EVENTS): what an API inbox's callback URL made of an
 * agent's reply: `sent` once it answered 2xx, `failed` (with the reason) when the retries ran
 * out or the inbox has no callback. The same shape as an email's report, and conversation shows
 * it the same way, as the message's delivery status.
 */
export class ApiDeliveryReported extends EmailDeliveryReported {}

/** `api.delivery:<messageId>:<outcome>`: the same on every re-publication. */
export function apiDeliveryEventId(messageId: string, outcome: 'sent' | 'failed'): string {
  return `api.delivery:${messageId}:${outcome}`;
}
