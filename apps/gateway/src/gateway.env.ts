import { HUB_SERVICES } from '@hub/config';
import { IsSecretsKey } from '@hub/secret-box';
import { StorageEnv } from '@hub/storage';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

export class GatewayEnv extends StorageEnv {
  /**
   * Seals the inbox credentials admins write (relay passwords, platform tokens) and opens API
   * inboxes' and webhooks' signing secrets; the services that open them need the same key (see SecretsEnv of @hub/secret-box). Required in production.
   */
  @IsSecretsKey()
  SECRETS_KEY?: string;

  /**
   * `open`: anyone may create a workspace with its first admin (`POST /api/v1/workspaces`);
   * `closed` (default): only an instance operator, with OPERATOR_TOKEN.
   */
  @IsOptional()
  @IsIn(['open', 'closed'])
  SIGNUP: 'open' | 'closed' = 'closed';

  /** The instance operator's token (`X-Operator-Token`) for creating workspaces when closed. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'OPERATOR_TOKEN must be at least 32 characters' })
  OPERATOR_TOKEN?: string;

  /** Workspace creations admitted per client IP per hour. */
  @IsOptional()
  @IsInt()
  @Min(1)
  SIGNUP_IP_MAX_PER_HOUR: number = 5;

  /**
   * Where sites load the widget from (connector-web's public origin, e.g.
   * `https://chat.example.com`): the snippet the admin API hands out points there.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^/?#\s]+$/, { message: 'WIDGET_ORIGIN must be an http(s) origin' })
  WIDGET_ORIGIN: string =
    `http://127.0.0.1:${HUB_SERVICES.find((s) => s.name === 'connector-web')?.port ?? 3001}`;

  /** Signs agents' access tokens (HS256); at least 32 characters of randomness. */
  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;

  /**
   * Lifetime of an agent's access token; the client refreshes it before then. Short, so a
   * token never outlives its session by long. Default 15 min, at most 1 h.
   */
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_TTL_SECONDS: number = 15 * 60;

  /** How long an unused refresh token stays valid (each refresh issues a new one). Default 14 days. */
  @IsOptional()
  @IsInt()
  @Min(300)
  @Max(90 * 24 * 3600)
  REFRESH_TOKEN_TTL_SECONDS: number = 14 * 24 * 3600;

  /** How long a new agent socket may take to send its `auth` frame before it is closed. */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(60_000)
  AGENT_SOCKET_AUTH_TIMEOUT_MS: number = 5_000;

  // Login limits (apps/gateway/src/login-limits), shared by every replica through PostgreSQL.
  /** Login attempts admitted per client IP in each window. */
  @IsOptional()
  @IsInt()
  @Min(1)
  LOGIN_IP_MAX_ATTEMPTS: number = 30;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_IP_WINDOW_SECONDS: number = 60;

  /** Wrong passwords for one account (workspace + email) in a window before it is locked. */
  @IsOptional()
  @IsInt()
  @Min(1)
  LOGIN_ACCOUNT_MAX_FAILURES: number = 5;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_ACCOUNT_FAILURE_WINDOW_SECONDS: number = 900;

  /** The first lockout; each further one within a day doubles, up to the maximum. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_LOCKOUT_SECONDS: number = 60;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  LOGIN_LOCKOUT_MAX_SECONDS: number = 3600;

  /**
   * Logins (each one password hash, 32 MiB of scrypt) one gateway process runs at once; one
   * more is refused at once rather than queued, so a flood cannot starve the CPU.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(256)
  LOGIN_MAX_CONCURRENT_HASHES: number = 4;

  /** Agent replies (REST and socket) per agent in any one second. */
  @IsOptional()
  @IsInt()
  @Min(1)
  AGENT_MESSAGES_PER_SECOND: number = 10;

  /** Agent replies (REST and socket) per agent in any one minute. */
  @IsOptional()
  @IsInt()
  @Min(1)
  AGENT_MESSAGES_PER_MINUTE: number = 120;

  // Integrators (apps/gateway/src/api-channel, apps/gateway/src/webhooks; docs/integrations.md).
  /** API-channel messages admitted per client IP and inbox in each minute. */
  @IsOptional()
  @IsInt()
  @Min(1)
  API_INBOX_MESSAGES_PER_MINUTE: number = 600;

  /** The largest API-channel request body, in bytes. */
  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024)
  API_INBOX_MAX_BODY_BYTES: number = 64 * 1024;

  /** Wait before a failed webhook's first retry; each further one waits four times longer. */
  @IsOptional()
  @IsInt()
  @Min(10)
  WEBHOOK_FIRST_RETRY_MS: number = 5_000;

  /** The longest wait between two attempts of one delivery. */
  @IsOptional()
  @IsInt()
  @Min(10)
  WEBHOOK_MAX_RETRY_DELAY_MS: number = 10 * 3600 * 1000;

  /** How long a delivery is retried after its first attempt before it is failed for good. */
  @IsOptional()
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_FOR_SECONDS: number = 3 * 24 * 3600;

  /** Failed attempts in a row (any of its deliveries) after which a subscription is paused. */
  @IsOptional()
  @IsInt()
  @Min(1)
  WEBHOOK_PAUSE_AFTER_FAILURES: number = 50;

  /** How long the webhook event log keeps an event (how far back a replay reaches). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  WEBHOOK_EVENT_RETENTION_DAYS: number = 30;

  /** How often each gateway looks for deliveries that are due. */
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(60_000)
  WEBHOOK_SWEEP_INTERVAL_MS: number = 1_000;

  /** Time an integrator's endpoint has to answer one delivery. */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS: number = 10_000;

  /**
   * Where the inbox app's build is (`index.html` and `assets/`), served at `/`; relative to the
   * working directory, which is the repository root under the launcher.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  INBOX_DIST_DIR: string = 'dist/apps/inbox';
}
