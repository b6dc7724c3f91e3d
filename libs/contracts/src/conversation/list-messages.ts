import { IsAfterSeq, IsEntityId, IsPageSize } from '../common/validators';

/** `conversation.message.list` → MessageView[] with seq > afterSeq, in order. */
export class ListMessagesRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() conversationId!: string;
  @IsAfterSeq() afterSeq?: number;
  @IsPageSize(500) limit?: number;
}
