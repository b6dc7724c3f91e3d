import { IsOptional } from 'class-validator';
import { IsEntityId } from '../common/validators';

/** `conversation.canned-response.list` → CannedResponseView[] (department ones and shared ones). */
export class ListCannedResponsesRequest {
  @IsEntityId() workspaceId!: string;
  @IsOptional() @IsEntityId() departmentId?: string;
}
