import { IsOptional } from 'class-validator';
import { IsEntityId } from '../common/validators';

/** `routing.queue.get` → QueueEntryView[] in order. */
export class GetQueueRequest {
  @IsEntityId() workspaceId!: string;
  @IsOptional() @IsEntityId() departmentId?: string;
}
