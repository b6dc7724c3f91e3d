import { Inject, Injectable } from '@nestjs/common';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { SERVICE_ENV } from '@hub/service-kit';
import type { Request } from 'express';
import type { ConnectorWebEnv } from '../connector-web.env';
import { acceptedLocales } from '../invitations/auto-invite-rules';
import { BeaconAuth } from './beacon-auth';
import type { QueuedLeave, QueuedView } from './beacon-types';
import { BeaconQueue } from './beacon-queue';
import { parseBeacon } from './parse-beacon';

/**
 * `POST /api/v1/widget/beacons`: limits first (per client IP before any lookup, per visitor
 * once the token named one), then the events join the queue and the request is answered.
 */
@Injectable()
export class BeaconsService {
  private readonly perIp: RateLimit;
  private readonly perVisitor: RateLimit;

  constructor(
    store: RateLimitStore,
    private readonly auth: BeaconAuth,
    private readonly queue: BeaconQueue,
    @Inject(SERVICE_ENV) env: ConnectorWebEnv,
  ) {
    this.perIp = store.limit('beacon-ip', [
      { points: env.BEACONS_PER_IP_PER_MINUTE, windowSeconds: 60 },
    ]);
    this.perVisitor = store.limit('beacon-visitor', [
      { points: env.BEACONS_PER_VISITOR_PER_MINUTE, windowSeconds: 60 },
    ]);
  }

  async accept(body: unknown, request: Request): Promise<void> {
    // `ip` honours TRUST_PROXY: the socket's peer unless a trusted proxy forwarded it.
    await this.perIp.consume(request.ip ?? 'unknown');
    const batch = parseBeacon(body);
    const visitor = await this.auth.authenticate(batch.token);
    await this.perVisitor.consume(visitor.visitorId);
    const receivedAt = new Date();
    const views: QueuedView[] = [];
    const leaves: QueuedLeave[] = [];
    for (const event of batch.events) {
      if (event.type === 'view') {
        views.push({
          pageViewId: event.pageViewId,
          url: event.url!,
          title: event.title!,
          referrer: event.referrer ? event.referrer : null,
          receivedAt,
        });
      } else {
        leaves.push({ pageViewId: event.pageViewId, durationMs: event.durationMs! });
      }
    }
    this.queue.enqueue(
      visitor,
      {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        locales: acceptedLocales(request.headers['accept-language']),
      },
      views,
      leaves,
    );
  }
}
