import { IsOptional } from 'class-validator';
import { Actor } from '../common/actor';
import { IsEntityId } from '../common/validators';
import { ValidateNestedActor } from './ticket-actor';
import { IsTicketText, IsZonedInstant } from './ticket-fields';

/**
 * `crm.ticket.reminder.create` → TicketReminderView: remind about a ticket at `remindAt`. When
 * it is due, the ticket's assignee then (or, when nobody has it, the agent who set it) gets a
 * `ticket.reminder` notice on the agent socket.
 */
export class CreateTicketReminderRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() ticketId!: string;
  @ValidateNestedActor() actor!: Actor;
  @IsZonedInstant() remindAt!: string;
  @IsOptional() @IsTicketText() note?: string;
}

/** `crm.ticket.reminder.cancel` → TicketReminderView (TICKET_REMINDER_NOT_FOUND otherwise). */
export class CancelTicketReminderRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() ticketId!: string;
  @IsEntityId() reminderId!: string;
}

export interface TicketReminderView {
  id: string;
  ticketId: string;
  remindAt: string;
  note: string | null;
  createdBy: string;
  /** When the notice went out; null while it is still to come. */
  notifiedAt: string | null;
}
