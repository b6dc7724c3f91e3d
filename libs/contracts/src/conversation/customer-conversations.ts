import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { TimelinePosition } from '../common/timeline-position';
import { IsEntityId } from '../common/validators';

/**
 * `conversation.customer.conversations` → ConversationView[]: one customer's conversations on
 * every channel, newest started first (by `createdAt` to the millisecond, then id), after
 * `before` when given. For crm's customer timeline.
 */
export class CustomerConversationsRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() customerId!: string;
  @IsOptional() @ValidateNested() @Type(() => TimelinePosition) before?: TimelinePosition;
  @IsInt() @Min(1) @Max(101) limit!: number;
}
