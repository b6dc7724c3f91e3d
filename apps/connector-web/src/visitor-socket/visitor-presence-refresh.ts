import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';
import { LivePresence } from '../live-visitors/live-presence';
import { VisitorSocketServer } from './visitor-socket.server';

/**
 * A visitor reading one page for long sends no beacon, but their socket is open: this replica
 * tells the shared presence so, in one statement for all its sockets, three times within the
 * period after which a silent visitor counts as gone.
 */
@Injectable()
export class VisitorPresenceRefresh implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(VisitorPresenceRefresh.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly server: VisitorSocketServer,
    private readonly presence: LivePresence,
    @Inject(SERVICE_ENV) private readonly env: ConnectorWebEnv,
  ) {}

  onApplicationBootstrap(): void {
    const everyMs = Math.max(1_000, Math.floor((this.env.VISITOR_GONE_SECONDS * 1000) / 3));
    this.timer = setInterval(() => void this.refresh(), everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    try {
      await this.presence.refreshSockets(this.server.visitorIds());
    } catch (error) {
      this.logger.warn({ err: error }, 'socket presence not refreshed; next period retries');
    }
  }
}
