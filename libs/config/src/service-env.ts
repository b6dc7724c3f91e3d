// Decorator metadata (the declared type of each variable) must be recordable before the class below
// is defined, or implicit conversion of PORT and friends silently does nothing.
import 'reflect-metadata';
import {
  IsIn,
  IsInt,
  IsIP,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
} from 'class-validator';
import { DefaultMetricsPortFits } from './metrics-port';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Variables every service reads. A service extends this class with its own. */
export class ServiceEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  @Validate(DefaultMetricsPortFits)
  PORT!: number;

  /**
   * Address the HTTP and metrics ports bind to: loopback unless said otherwise (the containers
   * set 0.0.0.0), so a laptop never exposes a service to its network by accident.
   */
  @IsOptional()
  @IsIP(undefined, { message: 'HOST must be an IP address to bind to (127.0.0.1, 0.0.0.0, ::)' })
  HOST: string = '127.0.0.1';

  /** Internal port of `/metrics`, never the public one; 0 = any free port (logged). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

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
