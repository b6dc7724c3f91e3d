import { IsEntityId } from '../common/validators';

/** `conversation.inbox.get` → InboxView or INBOX_NOT_FOUND. */
export class GetInboxRequest {
  @IsEntityId() inboxId!: string;
}
