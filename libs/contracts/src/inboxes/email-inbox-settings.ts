import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsEmailAddress, IsStorableText } from '../common/validators';

/** The SMTP relay an email inbox's replies go out through, instead of the hub's SMTP_RELAY_URL. */
export class EmailRelaySettings {
  @IsString() @IsNotEmpty() @MaxLength(253) host!: string;
  @IsInt() @Min(1) @Max(65535) port!: number;
  /** true: TLS from the first byte (port 465); false: STARTTLS when the relay offers it. */
  @IsBoolean() secure!: boolean;
  /** The login; its password is the inbox's `relayPassword` secret. */
  @IsOptional() @IsString() @MaxLength(320) user?: string;
}

/**
 * A mailbox hosted elsewhere that connector-email polls over IMAP for the inbox's mail
 * (docs/email.md); its password is the inbox's `imapPassword` secret.
 */
export class EmailImapSettings {
  @IsString() @IsNotEmpty() @MaxLength(253) host!: string;
  @IsOptional() @IsInt() @Min(1) @Max(65535) port?: number;
  /** true (default): TLS from the first byte (port 993); false: STARTTLS when offered. */
  @IsOptional() @IsBoolean() secure?: boolean;
  @IsString() @IsNotEmpty() @MaxLength(320) user!: string;
  /** The folder read; default `INBOX`. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) mailbox?: string;
}

/**
 * `conversation.inboxes.settings.email` (docs/email.md): the address mail comes in on (unique
 * across the hub: it alone says which workspace a mail is for), the name shown with it, the
 * signature appended to agents' replies, the relay replies go out through, and the mailbox
 * polled over IMAP when the mail is hosted elsewhere.
 */
export class EmailSettings {
  @IsEmailAddress() address!: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  @IsStorableText()
  displayName?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(5000)
  @IsStorableText()
  signature?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @ValidateNested()
  @Type(() => EmailRelaySettings)
  relay?: EmailRelaySettings | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @ValidateNested()
  @Type(() => EmailImapSettings)
  imap?: EmailImapSettings | null;
}
