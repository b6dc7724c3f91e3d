import { Actor } from '../common/actor';
import { IsEntityId } from '../common/validators';
import { ValidateNestedActor } from './ticket-actor';

/**
 * `crm.ticket.conversation.link` / `crm.ticket.conversation.unlink` → TicketView. A
 * conversation belongs to one ticket at a time: linking one linked elsewhere is refused with
 * TICKET_CONVERSATION_LINKED; unlinking one not linked here with TICKET_CONVERSATION_NOT_LINKED.
 */
export class LinkTicketConversationRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() ticketId!: string;
  @IsEntityId() conversationId!: string;
  @ValidateNestedActor() actor!: Actor;
}
