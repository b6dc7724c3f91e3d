import { IsIn, Matches } from 'class-validator';
import { Channel } from '@hub/domain';
import { IsEntityId, IsOneOfChange } from '../common/validators';

/** The channels connector-social serves. */
export const SOCIAL_CHANNELS = [
  Channel.Messenger,
  Channel.Instagram,
  Channel.WhatsApp,
  Channel.Telegram,
  Channel.Line,
] as const;
export type SocialChannel = (typeof SOCIAL_CHANNELS)[number];

/** The Meta platforms: one webhook (`/webhooks/meta`), one inbox per platform account id. */
export const META_CHANNELS = [Channel.Messenger, Channel.Instagram, Channel.WhatsApp] as const;
export type MetaChannel = (typeof META_CHANNELS)[number];

/** The settings field holding a Meta inbox's platform account id (`entry[].id` or phone id). */
export const META_ACCOUNT_FIELD = {
  [Channel.Messenger]: 'pageId',
  [Channel.Instagram]: 'instagramAccountId',
  [Channel.WhatsApp]: 'phoneNumberId',
} as const satisfies Record<MetaChannel, string>;

/**
 * `conversation.social-inbox.find` → SocialInboxView or INBOX_NOT_FOUND: a social inbox by its
 * id (Telegram, LINE: the id is in the webhook URL) or by its platform account id (Meta).
 */
export class FindSocialInboxRequest {
  @IsIn(SOCIAL_CHANNELS) channel!: SocialChannel;

  @IsOneOfChange(['inboxId', 'accountId'])
  @IsEntityId()
  inboxId?: string;

  @IsOneOfChange(['inboxId', 'accountId'])
  @Matches(/^[0-9]{1,40}$/)
  accountId?: string;
}

/**
 * A social inbox with its whole `settings`, sealed secrets included (`settings.secrets.<name>`,
 * opened with SecretBox by connector-social only). Never sent to a browser.
 */
export interface SocialInboxView {
  inboxId: string;
  workspaceId: string;
  channel: SocialChannel;
  settings: Record<string, unknown>;
}
