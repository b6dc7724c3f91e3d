import { Module } from '@nestjs/common';
import { QueueHandler } from './queue.handler';
import { QueueService } from './queue.service';

/**
 * The waiting lines, read side. Positions are renumbered and announced inside every routing
 * transaction (queue-refresh.ts, called by acd/workspace-lock.ts).
 */
@Module({
  controllers: [QueueHandler],
  providers: [QueueService],
})
export class QueuesModule {}
