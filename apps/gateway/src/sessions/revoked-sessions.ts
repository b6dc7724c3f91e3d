import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';
import { SessionsRepository } from './sessions.repository';

// Every replica re-reads the list this often, so a session revoked on another replica is
// refused here (REST and sockets) within this long, at one small query per period, not per request.
export const REVOCATION_POLL_MS = 500;
// A session revoked longer ago than the access-token lifetime has no live token left; the
// margin covers clock skew between the gateway and PostgreSQL.
const SKEW_MARGIN_SECONDS = 60;

/**
 * The sessions revoked recently enough to still have unexpired access tokens, held in memory
 * and refreshed from PostgreSQL. A revocation made by this replica applies at once.
 */
@Injectable()
export class RevokedSessions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RevokedSessions.name);
  private revoked = new Set<string>();
  private readonly listeners: ((sessionIds: ReadonlySet<string>) => void)[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(SERVICE_ENV) private readonly env: GatewayEnv,
  ) {}

  onApplicationBootstrap(): void {
    void this.reload();
    this.timer = setInterval(() => void this.reload(), REVOCATION_POLL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  isRevoked(sessionId: string): boolean {
    return this.revoked.has(sessionId);
  }

  /** Calls `listener` with the newly revoked session ids (the agent socket closes theirs). */
  onRevoked(listener: (sessionIds: ReadonlySet<string>) => void): void {
    this.listeners.push(listener);
  }

  /** Records revocations this replica just committed, without waiting for the next reload. */
  add(sessionIds: readonly string[]): void {
    const fresh = new Set(sessionIds.filter((id) => !this.revoked.has(id)));
    for (const id of fresh) this.revoked.add(id);
    this.announce(fresh);
  }

  private async reload(): Promise<void> {
    try {
      const current = new Set(
        await this.sessions.revokedWithin(this.env.JWT_TTL_SECONDS + SKEW_MARGIN_SECONDS),
      );
      const fresh = new Set([...current].filter((id) => !this.revoked.has(id)));
      this.revoked = current;
      this.announce(fresh);
    } catch (error) {
      // Keep the last list: dropping it would let revoked tokens back in while PostgreSQL is away.
      this.logger.warn({ err: error }, 'could not reload revoked sessions');
    }
  }

  private announce(sessionIds: ReadonlySet<string>): void {
    if (sessionIds.size === 0) return;
    for (const listener of this.listeners) listener(sessionIds);
  }
}
