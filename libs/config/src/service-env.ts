// Decorator metadata (the declared type of each variable) must be recordable before the class below
// is defined, or implicit conversion of PORT and friends silently does nothing.
import 'reflect-metadata';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Variables every service reads. A service extends this class with its own. */
export class ServiceEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @Matches(/^(nats|tls):\/\/[^,]+(,(nats|tls):\/\/[^,]+)*$/, {
    message: 'NATS_URL must be one or more comma-separated nats:// or tls:// URLs',
  })
  NATS_URL!: string;

  /** Prefix of every subject, stream and durable name; lets test runs share one NATS server. */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,30}$/, {
    message:
      'HUB_NAMESPACE must be lowercase letters, digits or _ (at most 31), starting with a letter',
  })
  HUB_NAMESPACE: string = 'hub';

  /** Replicas of each JetStream stream: 1 on a single server, 3 on a production cluster. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  NATS_STREAM_REPLICAS: number = 1;

  /** This service's NATS nkey seed (`SU...`); with neither it nor the file: anonymous. */
  @IsOptional()
  @Matches(/^SU[A-Z2-7]+$/, { message: 'NATS_NKEY_SEED must be an nkey user seed (SU...)' })
  NATS_NKEY_SEED?: string;

  /** A file holding the seed instead (a mounted Secret). */
  @IsOptional()
  @IsString()
  NATS_NKEY_SEED_FILE?: string;

  /** The CA that signed the NATS server's certificate (with `tls://` URLs). */
  @IsOptional()
  @IsString()
  NATS_TLS_CA_FILE?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** How long SIGTERM waits for in-flight work before the process exits anyway. */
  @IsOptional()
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS: number = 10_000;

  @IsOptional()
  @IsString()
  NODE_ENV: string = 'production';

  /**
   * Which proxies' `X-Forwarded-For` to believe for the client IP (rate limits key on it):
   * `false` (default: the socket's peer address only), `true`, a hop count, or comma-separated
   * addresses, subnets or `loopback`/`linklocal`/`uniquelocal`. Express's `trust proxy`.
   */
  @IsOptional()
  @Matches(/^(false|true|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, {
    message: 'TRUST_PROXY must be false, true, a hop count, or comma-separated addresses/subnets',
  })
  TRUST_PROXY: string = 'false';
}
