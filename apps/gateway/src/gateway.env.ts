import { ServiceEnv } from '@hub/config';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

export class GatewayEnv extends ServiceEnv {
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
}
