import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { acceptedLocales } from '../invitations/auto-invite-rules';
import { BeaconAuth } from './beacon-auth';
import { BeaconLimits } from './beacon-limits';
import type { QueuedLeave, QueuedView } from './beacon-types';
import { BeaconQueue } from './beacon-queue';
import { parseBeacon } from './parse-beacon';

/**
 * `POST /api/v1/widget/beacons`: limits first (per client IP before any lookup, per visitor
 * once the token named one), then the events join the queue and the request is answered.
 */
@Injectable()
export class BeaconsService {
  constructor(
    private readonly limits: BeaconLimits,
    private readonly auth: BeaconAuth,
    private readonly queue: BeaconQueue,
  ) {}

  async accept(body: unknown, request: Request): Promise<void> {
    // `ip` honours TRUST_PROXY: the socket's peer unless a trusted proxy forwarded it.
    this.limits.chargeIp(request.ip ?? 'unknown');
    const batch = parseBeacon(body);
    const visitor = await this.auth.authenticate(batch.token);
    this.limits.chargeVisitor(visitor.visitorId);
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
