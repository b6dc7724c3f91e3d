import { IsEntityId } from '../common/validators';

/**
 * `crm.ticket.get` → TicketView; `crm.ticket.history` → TicketHistoryEntry[];
 * `crm.ticket.reminder.list` → TicketReminderView[]. TICKET_NOT_FOUND for a ticket of another
 * workspace.
 */
export class GetTicketRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() ticketId!: string;
}
