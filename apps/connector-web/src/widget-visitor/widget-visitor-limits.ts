import { Injectable } from '@nestjs/common';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';

const MINUTE = 60;
const HOUR = 3600;

/**
 * Limits on the widget's visitor calls, shared by every replica (@hub/rate-limits): identify
 * and profile per visitor; leave-a-message per visitor and per client IP (each one writes a
 * ticket an agent must read, so both are tight).
 */
@Injectable()
export class WidgetVisitorLimits {
  readonly identifyPerVisitor: RateLimit;
  readonly profilePerVisitor: RateLimit;
  readonly offlinePerVisitor: RateLimit;
  readonly offlinePerIp: RateLimit;

  constructor(store: RateLimitStore) {
    this.identifyPerVisitor = store.limit('widget-identify-visitor', [
      { points: 10, windowSeconds: MINUTE },
    ]);
    this.profilePerVisitor = store.limit('widget-profile-visitor', [
      { points: 20, windowSeconds: MINUTE },
    ]);
    this.offlinePerVisitor = store.limit('widget-offline-visitor', [
      { points: 3, windowSeconds: MINUTE },
      { points: 10, windowSeconds: HOUR },
    ]);
    this.offlinePerIp = store.limit('widget-offline-ip', [
      { points: 10, windowSeconds: MINUTE },
      { points: 60, windowSeconds: HOUR },
    ]);
  }
}
