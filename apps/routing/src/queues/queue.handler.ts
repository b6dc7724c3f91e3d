import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GetQueueRequest, SUBJECTS, type QueueEntryView } from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { QueueService } from './queue.service';

@Controller()
export class QueueHandler {
  constructor(private readonly queue: QueueService) {}

  @RequestPattern(SUBJECTS.routing.getQueue)
  get(@Payload() request: GetQueueRequest): Promise<QueueEntryView[]> {
    return this.queue.get(request);
  }
}
