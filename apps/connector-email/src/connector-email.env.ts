import { IsSecretsKey } from '@hub/secret-box';
import { StorageEnv } from '@hub/storage';
import { IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

const MB = 1024 * 1024;

export class ConnectorEmailEnv extends StorageEnv {
  /**
   * Opens the relay and IMAP passwords of email inboxes (sealed by the gateway; see SecretBox).
   */
  @IsSecretsKey()
  SECRETS_KEY?: string;

  /** The SMTP port mail is delivered to (binds on HOST, like the HTTP port). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT: number = 2525;

  /** The largest mail accepted, announced with SIZE in EHLO and enforced (552 past it). */
  @IsOptional()
  @IsInt()
  @Min(64 * 1024)
  @Max(100 * MB)
  SMTP_MAX_MESSAGE_BYTES: number = 25 * MB;

  /** Recipients accepted in one mail; more are refused with 452 (the sender sends again). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000)
  SMTP_MAX_RECIPIENTS: number = 50;

  /** RCPT commands allowed in one session, accepted or not, before the client is cut off. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  SMTP_MAX_RCPT_COMMANDS: number = 200;

  /** The largest attachment stored; bigger ones are left out of the message with a note. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(25 * MB)
  EMAIL_MAX_ATTACHMENT_BYTES: number = 10 * MB;

  /** The name given in the SMTP greeting and EHLO answer. */
  @IsOptional()
  @IsString()
  SMTP_HOSTNAME?: string;

  /** PEM files of a certificate: with both, STARTTLS is offered. */
  @IsOptional()
  @IsString()
  SMTP_TLS_KEY_FILE?: string;

  @ValidateIf((env: ConnectorEmailEnv) => env.SMTP_TLS_KEY_FILE !== undefined)
  @IsString()
  SMTP_TLS_CERT_FILE?: string;

  /** With both, a relay forwarding to us may log in (AUTH PLAIN/LOGIN, over TLS only if TLS is on). */
  @IsOptional()
  @IsString()
  SMTP_AUTH_USER?: string;

  @ValidateIf((env: ConnectorEmailEnv) => env.SMTP_AUTH_USER !== undefined)
  @IsString()
  SMTP_AUTH_PASSWORD?: string;

  /**
   * The relay agents' replies are sent through: `smtp://user:pass@host:587` (STARTTLS when the
   * relay offers it) or `smtps://...:465`. Without it every reply is marked failed, saying so.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_RELAY_URL must be an smtp:// or smtps:// URL' })
  SMTP_RELAY_URL?: string;

  /** Attempts at a reply the relay answered with a temporary failure, before it is failed. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  EMAIL_SEND_MAX_ATTEMPTS: number = 8;

  /** How often the IMAP mailboxes of email inboxes hosted elsewhere are polled. */
  @IsOptional()
  @IsInt()
  @Min(500)
  IMAP_POLL_INTERVAL_MS: number = 60_000;
}
