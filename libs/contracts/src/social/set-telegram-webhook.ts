import { IsEntityId } from '../common/validators';

/**
 * `connector-social.telegram-webhook.set` → SetTelegramWebhookReply: points the Telegram inbox's
 * bot at `<SOCIAL_PUBLIC_URL>/webhooks/telegram/<inboxId>` with its sealed `webhookSecret` as
 * `secret_token` (Bot API setWebhook). Asked after the inbox is configured or its secret changed.
 */
export class SetTelegramWebhookRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
}

export interface SetTelegramWebhookReply {
  url: string;
}
