import { IsOptional } from 'class-validator';
import { IsEntityId } from '../common/validators';

/** `routing.queue.get` → QueueEntryView[] in order. */
export class GetQueueRequest {
  @IsEntityId() workspaceId!: string;
  @IsOptional() @IsEntityId() departmentId?: string;
  /**
   * Only this conversation's entry (none when it is not waiting): what a visitor's edge asks,
   * at a cost that does not grow with the queue.
   */
  @IsOptional() @IsEntityId() conversationId?: string;
}
