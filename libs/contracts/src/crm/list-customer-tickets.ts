import { IsEntityId } from '../common/validators';

/** `crm.ticket.list` → TicketView[]: a customer's tickets, newest first. */
export class ListCustomerTicketsRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() customerId!: string;
}
