import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Messaging } from '@hub/service-kit';
import { REPORTED_EVENTS } from './report-facts';
import { ReportProjection } from './report-projection';

/** Feeds the projection from the EVENTS stream, one durable per event it reads (but messages). */
@Injectable()
export class ReportEventsHandler implements OnApplicationBootstrap {
  constructor(
    private readonly messaging: Messaging,
    private readonly projection: ReportProjection,
  ) {}

  onApplicationBootstrap(): void {
    for (const { durable, event, fact } of REPORTED_EVENTS) {
      if (!durable) continue;
      this.messaging.consume({
        event,
        durable,
        batchSize: 20,
        handle: async (payload) => {
          const made = fact(payload);
          if (made) await this.projection.apply([made]);
        },
      });
    }
  }
}
