import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ServiceEnv } from '@hub/config';
import type { RealtimeEvent, RealtimeSubject } from '@hub/contracts';
import { namespacedSubject } from '@hub/messaging';
import { Messaging } from './messaging';
import { SERVICE_ENV } from '../tokens';

/**
 * Ephemeral fan-out on core NATS (`rt.*` subjects): fire and forget, may be missed while NATS
 * is away; clients resume from stored sequence numbers, so nothing stored is lost.
 */
@Injectable()
export class Realtime {
  private readonly logger = new Logger(Realtime.name);

  constructor(
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
    private readonly messaging: Messaging,
  ) {}

  /** `logicalSubject` comes from `realtimeSubjects`, which says what events it carries. */
  async publish<E extends RealtimeEvent>(
    logicalSubject: RealtimeSubject<E>,
    event: E,
  ): Promise<void> {
    const nc = await this.messaging.connected();
    try {
      nc.publish(namespacedSubject(this.env.HUB_NAMESPACE, logicalSubject), JSON.stringify(event));
    } catch (error) {
      // A closed or draining connection: the recipient resumes from the stored sequence.
      this.logger.warn({ err: error, subject: logicalSubject }, 'realtime publish dropped');
    }
  }
}
