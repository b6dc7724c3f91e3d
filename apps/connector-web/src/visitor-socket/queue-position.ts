import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type GetQueueRequest, type QueuePositionRealtime } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';

/**
 * Asks routing where a conversation stands in its queue now. Routing publishes each change on
 * `rt.conversation.<id>`, but a visitor that just subscribed (a new conversation, a reconnect)
 * may have missed the last one.
 */
@Injectable()
export class QueuePositionLookup {
  private readonly logger = new Logger(QueuePositionLookup.name);

  constructor(private readonly rpc: RpcClient) {}

  /** The position event, or null when the conversation is not waiting or routing did not answer. */
  async find(workspaceId: string, conversationId: string): Promise<QueuePositionRealtime | null> {
    try {
      const queue = await this.rpc.request(SUBJECTS.routing.getQueue, {
        workspaceId,
        conversationId,
      } satisfies GetQueueRequest);
      const entry = queue.find((waiting) => waiting.conversationId === conversationId);
      return entry
        ? {
            type: 'queue.position',
            conversationId,
            position: entry.position,
            estimatedWaitSeconds: entry.estimatedWaitSeconds,
          }
        : null;
    } catch (error) {
      // Routing's own realtime updates still reach the visitor; this was only a catch-up.
      this.logger.debug({ err: error, conversationId }, 'queue position not looked up');
      return null;
    }
  }
}
