import { ServiceEnv } from '@hub/config';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RoutingEnv extends ServiceEnv {
  /** A gateway whose heartbeat is older than this is gone: its agent sockets are dropped. */
  @IsOptional()
  @IsInt()
  @Min(1_000)
  ROUTING_GATEWAY_TIMEOUT_MS: number = 20_000;

  /** How long an agent may stay offline before their unanswered conversations are requeued. */
  @IsOptional()
  @IsInt()
  @Min(0)
  ROUTING_OFFLINE_GRACE_MS: number = 60_000;

  /** Period of the one sweep per process (stale sockets, grace, unapplied assignments). */
  @IsOptional()
  @IsInt()
  @Min(50)
  @Max(60_000)
  ROUTING_SWEEP_INTERVAL_MS: number = 1_000;

  /** Period of the SLA sweep, which tells warnings and breaches as their time comes. */
  @IsOptional()
  @IsInt()
  @Min(50)
  @Max(60_000)
  ROUTING_SLA_SWEEP_INTERVAL_MS: number = 1_000;
}
