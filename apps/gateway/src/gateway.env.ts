import { ServiceEnv } from '@hub/config';
import { IsString, MinLength } from 'class-validator';

export class GatewayEnv extends ServiceEnv {
  /** Signs agents' access tokens (HS256); at least 32 characters of randomness. */
  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;
}
