import { Inject, Injectable } from '@nestjs/common';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorWebEnv } from '../connector-web.env';
import type { VisitorSocket } from './visitor-socket';

/**
 * `message.send` per visitor, per second and per minute, counted across replicas and sockets.
 * A socket's checks run one after another, so its messages are published in the order sent
 * even though each check is a database round trip.
 */
@Injectable()
export class VisitorMessageLimit {
  private readonly perVisitor: RateLimit;
  private readonly lastCheck = new WeakMap<VisitorSocket, Promise<void>>();

  constructor(store: RateLimitStore, @Inject(SERVICE_ENV) env: ConnectorWebEnv) {
    this.perVisitor = store.limit('visitor-messages', [
      { points: env.VISITOR_MESSAGES_PER_SECOND, windowSeconds: 1 },
      { points: env.VISITOR_MESSAGES_PER_MINUTE, windowSeconds: 60 },
    ]);
  }

  /** Resolves when the message may go out; RATE_LIMITED (retryAfterMs) when it may not. */
  admit(socket: VisitorSocket, visitorId: string): Promise<void> {
    const check = () => this.perVisitor.consume(visitorId);
    // Settled either way, the previous check only sets the turn.
    const turn = (this.lastCheck.get(socket) ?? Promise.resolve()).then(check, check);
    this.lastCheck.set(socket, turn);
    return turn;
  }
}
