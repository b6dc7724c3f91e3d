import { StorageEnv } from '@hub/storage';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

export class GatewayEnv extends StorageEnv {
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

  /**
   * Where the inbox app's build is (`index.html` and `assets/`), served at `/`; relative to the
   * working directory, which is the repository root under the launcher.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  INBOX_DIST_DIR: string = 'dist/apps/inbox';
}
