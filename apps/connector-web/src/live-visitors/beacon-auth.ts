import { Injectable } from '@nestjs/common';
import { hashVisitorToken } from '../visitor-sessions/visitor-token';
import {
  VisitorSessionsService,
  type VisitorIdentity,
} from '../visitor-sessions/visitor-sessions.service';

// A page view needs no fresher proof than this: a revoked token still reports pages for at
// most this long, and nothing else (messages, sockets) goes by this cache.
const TRUSTED_FOR_MS = 10_000;
const MAX_ENTRIES = 50_000;

/**
 * The visitor a beacon's token belongs to, remembered briefly: a visitor browsing sends a
 * beacon per page and one per page left, and each would otherwise read its session row.
 */
@Injectable()
export class BeaconAuth {
  private readonly known = new Map<string, { visitor: VisitorIdentity; until: number }>();

  constructor(private readonly sessions: VisitorSessionsService) {}

  async authenticate(token: string): Promise<VisitorIdentity> {
    const key = hashVisitorToken(token);
    const now = Date.now();
    const cached = this.known.get(key);
    if (cached && cached.until > now) return cached.visitor;
    const visitor = await this.sessions.authenticate(token);
    if (this.known.size >= MAX_ENTRIES) this.known.clear();
    this.known.set(key, { visitor, until: now + TRUSTED_FOR_MS });
    return visitor;
  }
}
