import { ServiceEnv } from '@hub/config';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ConnectorWebEnv extends ServiceEnv {
  /** How long a new visitor socket may take to send its `hello` frame before it is closed (4401). */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(60_000)
  VISITOR_SOCKET_HELLO_TIMEOUT_MS: number = 10_000;

  /**
   * The one heartbeat sweep: every interval each visitor socket is pinged, and one that did not
   * answer the previous ping is dropped.
   */
  @IsOptional()
  @IsInt()
  @Min(1_000)
  @Max(300_000)
  VISITOR_SOCKET_HEARTBEAT_MS: number = 30_000;
}
