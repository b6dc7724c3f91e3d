import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { IsHttpUrl } from '../common/http-url';

/** `conversation.inboxes.settings.api`: where agents' replies on the inbox's conversations go. */
export class ApiChannelSettings {
  /**
   * The integrator's endpoint: each agent reply is POSTed there, signed the Standard Webhooks way
   * with the inbox's signing secret. Null or absent: replies are stored, not delivered.
   */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsHttpUrl()
  callbackUrl?: string | null;
}

/**
 * `settings` of an API inbox (docs/integrations.md). `signingSecret` (32 to 200 printable
 * characters) signs both ways: the integrator's `POST /api/v1/inboxes/:id/messages` and the
 * replies posted to `callbackUrl`; it is sealed into `settings.secrets.signingSecret`.
 */
export class ApiInboxSettings {
  @ValidateNested()
  @Type(() => ApiChannelSettings)
  api!: ApiChannelSettings;

  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{32,200}$/, {
    message: 'signingSecret must be 32 to 200 printable ASCII characters without spaces',
  })
  signingSecret?: string;
}

/** The API channel's entry of `INBOX_SETTINGS` (an `InboxSettingsSpec`). */
export const API_INBOX_SETTINGS = {
  settings: ApiInboxSettings,
  secretNames: ['signingSecret'],
} as const;
