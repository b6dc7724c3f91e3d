import { ServiceEnv } from '@hub/config';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

export class GatewayEnv extends ServiceEnv {
  /** Signs agents' access tokens (HS256); at least 32 characters of randomness. */
  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;

  /** Lifetime of an agent's access token; the agent logs in again after it. Default 8 h. */
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS: number = 8 * 3600;

  /** How long a new agent socket may take to send its `auth` frame before it is closed. */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(60_000)
  AGENT_SOCKET_AUTH_TIMEOUT_MS: number = 5_000;
}
