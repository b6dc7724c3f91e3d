import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CHANNELS, type Channel } from '@hub/domain';
import { compose, IsEntityId, IsStorableText } from '../common/validators';

/** Sealed secrets (SecretBox strings) by name; null removes one. */
export type SealedSecretChanges = Record<string, string | null>;

export function IsInboxName(): PropertyDecorator {
  return compose(IsString(), MinLength(1), MaxLength(200), IsStorableText());
}

/**
 * `conversation.inbox.create` → InboxView: an admin's new inbox. The gateway has validated
 * `settings` with the channel's class (INBOX_SETTINGS) and sealed its secrets into `secrets`;
 * conversation stores them as `settings.secrets`. An email address another inbox has is
 * refused (INBOX_EMAIL_ADDRESS_TAKEN).
 */
export class CreateInboxRequest {
  @IsEntityId() workspaceId!: string;
  @IsIn(CHANNELS) channel!: Channel;
  @IsInboxName() name!: string;
  @IsObject() settings!: Record<string, unknown>;
  @IsObject() secrets!: SealedSecretChanges;
}

/**
 * `conversation.inbox.update` → InboxView: a new name, new settings (replacing the stored ones,
 * secrets apart) or secret changes (set or, with null, removed; others kept).
 */
export class UpdateInboxRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
  @IsOptional() @IsInboxName() name?: string;
  @IsOptional() @IsObject() settings?: Record<string, unknown>;
  @IsObject() secrets!: SealedSecretChanges;
}

/**
 * `conversation.inbox.delete` → InboxView (as it was): refused while conversations belong to
 * it (INBOX_IN_USE), since transcripts are kept.
 */
export class DeleteInboxRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
}
