import { StorageEnv } from '@hub/storage';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';

export class ConnectorWebEnv extends StorageEnv {
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

  // Visitor limits, shared by every replica through PostgreSQL (@hub/rate-limits).
  /** Visitor sessions `POST /api/v1/widget/sessions` mints per client IP in each window. */
  @IsOptional()
  @IsInt()
  @Min(1)
  SESSION_MINT_MAX_PER_IP: number = 60;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  SESSION_MINT_WINDOW_SECONDS: number = 60;

  /** `message.send` frames admitted per visitor in any one second. */
  @IsOptional()
  @IsInt()
  @Min(1)
  VISITOR_MESSAGES_PER_SECOND: number = 5;

  /** `message.send` frames admitted per visitor in any one minute. */
  @IsOptional()
  @IsInt()
  @Min(1)
  VISITOR_MESSAGES_PER_MINUTE: number = 60;

  /** A visitor token unused for this long is refused (the widget then starts a new session). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365 * 24 * 3600)
  VISITOR_TOKEN_IDLE_SECONDS: number = 30 * 24 * 3600;

  /**
   * A session's last_seen_at is written at most this often (default 5 min), so a busy visitor
   * costs no write per request; it is also kept under a tenth of the idle period.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  VISITOR_SEEN_UPDATE_SECONDS: number = 300;

  /** Uploads (`POST /api/v1/widget/uploads`) admitted per visitor in any one minute. */
  @IsOptional()
  @IsInt()
  @Min(1)
  VISITOR_UPLOADS_PER_MINUTE: number = 10;

  /** Uploads admitted per visitor in any one hour. */
  @IsOptional()
  @IsInt()
  @Min(1)
  VISITOR_UPLOADS_PER_HOUR: number = 60;

  /**
   * Where the widget build left `manifest.json` and `widget.<hash>.js` (`/widget.js` serves
   * them); relative to the working directory, which is the repository root under the launcher.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  WIDGET_DIST_DIR: string = 'dist/apps/widget';
  // Live visitors: page-view beacons, presence, and their limits.
  /** Beacons admitted per client IP per minute (shared by replicas through PostgreSQL). */
  @IsOptional()
  @IsInt()
  @Min(1)
  BEACONS_PER_IP_PER_MINUTE: number = 600;

  /** Beacons admitted per visitor per minute. */
  @IsOptional()
  @IsInt()
  @Min(1)
  BEACONS_PER_VISITOR_PER_MINUTE: number = 120;

  /** Queued page views are written at least this often. */
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(10_000)
  BEACON_FLUSH_MS: number = 250;

  /** ...or as soon as this many are waiting; also the most one multi-row write carries. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5_000)
  BEACON_BATCH_ROWS: number = 500;

  /** Past this many waiting, each visitor keeps only their latest page (overload). */
  @IsOptional()
  @IsInt()
  @Min(1)
  BEACON_MAX_PENDING_ROWS: number = 20_000;

  /** A visitor with no page view and no open socket for this long is gone. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3_600)
  VISITOR_GONE_SECONDS: number = 60;

  /** How often each replica looks for visitors gone, and refreshes its sockets' presence. */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(60_000)
  VISITOR_SWEEP_MS: number = 5_000;
}
