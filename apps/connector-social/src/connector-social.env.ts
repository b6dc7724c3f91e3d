import { IsSecretsKey } from '@hub/secret-box';
import { StorageEnv } from '@hub/storage';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

const MB = 1024 * 1024;
const BASE_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class ConnectorSocialEnv extends StorageEnv {
  /** Opens the inboxes' sealed platform credentials (see SecretBox). */
  @IsSecretsKey()
  SECRETS_KEY?: string;

  /** `hub.verify_token` of the Meta app's webhook subscription (the GET handshake). */
  @IsOptional()
  @IsString()
  @MinLength(8)
  META_VERIFY_TOKEN?: string;

  /** Graph API base (Send API, WhatsApp messages and media); a local fake in tests. */
  @IsOptional()
  @IsUrl(BASE_URL)
  META_GRAPH_URL: string = 'https://graph.facebook.com/v21.0';

  /**
   * Hosts Meta serves attachment files from (Messenger and Instagram payload URLs, WhatsApp
   * media URLs), comma-separated: a host or a parent domain, `host:port` to pin a port. Media is
   * fetched from nowhere else, whatever a payload names.
   */
  @IsOptional()
  @IsString()
  META_MEDIA_HOSTS: string = 'fbcdn.net,fbsbx.com,cdninstagram.com,facebook.com';

  /** Telegram Bot API base (methods and files). */
  @IsOptional()
  @IsUrl(BASE_URL)
  TELEGRAM_API_URL: string = 'https://api.telegram.org';

  /** LINE Messaging API base (reply, push). */
  @IsOptional()
  @IsUrl(BASE_URL)
  LINE_API_URL: string = 'https://api.line.me';

  /** LINE content API base (media of a message). */
  @IsOptional()
  @IsUrl(BASE_URL)
  LINE_DATA_URL: string = 'https://api-data.line.me';

  /**
   * This connector's public base URL (HTTPS in production), given to Telegram's setWebhook and
   * the origin of the file links LINE fetches a reply's file from.
   */
  @IsOptional()
  @IsUrl(BASE_URL)
  SOCIAL_PUBLIC_URL?: string;

  /** The largest webhook body taken (413 past it). */
  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(10 * MB)
  SOCIAL_MAX_WEBHOOK_BYTES: number = 1 * MB;

  /** The largest media file fetched from a platform; bigger ones are left out with a note. */
  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(100 * MB)
  SOCIAL_MAX_MEDIA_BYTES: number = 25 * MB;

  /** Webhook requests admitted per source IP per minute (429 past it). */
  @IsOptional()
  @IsInt()
  @Min(1)
  SOCIAL_WEBHOOKS_PER_MINUTE: number = 6_000;

  /** Attempts at a reply the platform refused for now (5xx, 429), before it is failed. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  SOCIAL_SEND_MAX_ATTEMPTS: number = 8;
}
