import { Type, type ClassConstructor } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { Channel } from '@hub/domain';
import { API_INBOX_SETTINGS } from './api-inbox-settings';
import { EmailSettings } from './email-inbox-settings';
import {
  INSTAGRAM_INBOX_SETTINGS,
  LINE_INBOX_SETTINGS,
  MESSENGER_INBOX_SETTINGS,
  TELEGRAM_INBOX_SETTINGS,
  WHATSAPP_INBOX_SETTINGS,
} from './social-inbox-settings';
import { WidgetSettings } from './web-inbox-settings';

/**
 * How one channel's inbox settings are written through the admin API: `settings` validates the
 * request's `settings` body (as stored in `conversation.inboxes.settings`, secrets apart);
 * each field named in `secretNames` is a top-level string of that body that arrives in
 * plaintext, is sealed by the gateway (SecretBox) into `settings.secrets.<name>` and is never
 * answered (responses list the names set in `secretsSet`).
 */
export interface InboxSettingsSpec {
  settings: ClassConstructor<object>;
  secretNames: readonly string[];
}

/** `settings` of a web inbox: the widget's configuration (connector-web reads it). */
export class WebInboxSettings {
  @IsOptional()
  @ValidateNested()
  @Type(() => WidgetSettings)
  widget?: WidgetSettings;
}

export const WEB_INBOX_SETTINGS: InboxSettingsSpec = {
  settings: WebInboxSettings,
  secretNames: [],
};

/**
 * `settings` of an email inbox; the relay's password is the `relayPassword` secret, the polled
 * mailbox's the `imapPassword` secret.
 */
export class EmailInboxSettings {
  @ValidateNested()
  @Type(() => EmailSettings)
  email!: EmailSettings;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  relayPassword?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  imapPassword?: string;
}

export const EMAIL_INBOX_SETTINGS: InboxSettingsSpec = {
  settings: EmailInboxSettings,
  secretNames: ['relayPassword', 'imapPassword'],
};

/**
 * The channels whose inboxes the admin API creates and configures; a channel missing here is
 * refused (INBOX_CHANNEL_UNSUPPORTED).
 */
export const INBOX_SETTINGS: Partial<Record<Channel, InboxSettingsSpec>> = {
  web: WEB_INBOX_SETTINGS,
  email: EMAIL_INBOX_SETTINGS,
  api: API_INBOX_SETTINGS,
  messenger: MESSENGER_INBOX_SETTINGS,
  instagram: INSTAGRAM_INBOX_SETTINGS,
  whatsapp: WHATSAPP_INBOX_SETTINGS,
  telegram: TELEGRAM_INBOX_SETTINGS,
  line: LINE_INBOX_SETTINGS,
};
