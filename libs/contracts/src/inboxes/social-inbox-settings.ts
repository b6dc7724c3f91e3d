import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

// Platform account ids are digit strings (page, Instagram account, WhatsApp phone number id).
const PLATFORM_ID = /^[0-9]{1,40}$/;
const PLATFORM_ID_MESSAGE = { message: '$property must be the platform’s id: 1 to 40 digits' };

/**
 * `settings` of a Messenger inbox: the Facebook page whose messages it receives. Secrets (sealed
 * into `settings.secrets.<name>`): `pageAccessToken` (Send API, Graph API), `appSecret` (the Meta
 * app's, checks `X-Hub-Signature-256`).
 */
export class MessengerInboxSettings {
  @Matches(PLATFORM_ID, PLATFORM_ID_MESSAGE) pageId!: string;
  @IsOptional() @IsString() @MaxLength(1_000) pageAccessToken?: string;
  @IsOptional() @IsString() @MaxLength(1_000) appSecret?: string;
}

/** `settings` of an Instagram inbox: the professional account (`entry[].id`); secrets as Messenger. */
export class InstagramInboxSettings {
  @Matches(PLATFORM_ID, PLATFORM_ID_MESSAGE) instagramAccountId!: string;
  @IsOptional() @IsString() @MaxLength(1_000) pageAccessToken?: string;
  @IsOptional() @IsString() @MaxLength(1_000) appSecret?: string;
}

/**
 * `settings` of a WhatsApp Cloud API inbox: the business phone number (`metadata.phone_number_id`).
 * Secrets: `accessToken` (messages and media APIs), `appSecret` (webhook signature).
 */
export class WhatsAppInboxSettings {
  @Matches(PLATFORM_ID, PLATFORM_ID_MESSAGE) phoneNumberId!: string;
  @IsOptional() @IsString() @MaxLength(1_000) accessToken?: string;
  @IsOptional() @IsString() @MaxLength(1_000) appSecret?: string;
}

/**
 * `settings` of a Telegram inbox. Secrets: `botToken` (Bot API), `webhookSecret` (given to
 * `setWebhook` as `secret_token`, checked in `X-Telegram-Bot-Api-Secret-Token`; 1–256 of
 * `A-Za-z0-9_-`).
 */
export class TelegramInboxSettings {
  @IsOptional() @IsString() @MaxLength(1_000) botToken?: string;
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,256}$/) webhookSecret?: string;
}

/** `settings` of a LINE inbox. Secrets: `channelAccessToken` (Messaging API), `channelSecret`. */
export class LineInboxSettings {
  @IsOptional() @IsString() @MaxLength(1_000) channelAccessToken?: string;
  @IsOptional() @IsString() @MaxLength(1_000) channelSecret?: string;
}

/** The social channels' entries of `INBOX_SETTINGS` (the admin API's inbox settings). */
export const MESSENGER_INBOX_SETTINGS = {
  settings: MessengerInboxSettings,
  secretNames: ['pageAccessToken', 'appSecret'],
} as const;

export const INSTAGRAM_INBOX_SETTINGS = {
  settings: InstagramInboxSettings,
  secretNames: ['pageAccessToken', 'appSecret'],
} as const;

export const WHATSAPP_INBOX_SETTINGS = {
  settings: WhatsAppInboxSettings,
  secretNames: ['accessToken', 'appSecret'],
} as const;

export const TELEGRAM_INBOX_SETTINGS = {
  settings: TelegramInboxSettings,
  secretNames: ['botToken', 'webhookSecret'],
} as const;

export const LINE_INBOX_SETTINGS = {
  settings: LineInboxSettings,
  secretNames: ['channelAccessToken', 'channelSecret'],
} as const;
