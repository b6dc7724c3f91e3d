import { IsIn, IsISO8601, IsString, ValidateIf } from 'class-validator';
import { IsEntityId } from '../common/validators';

/** Where a ticket came from. */
export const TICKET_SOURCES = ['offline-message'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

/**
 * `evt.crm.ticket.created.v1`: crm committed a new ticket. Published after the commit with the
 * ticket id as `Nats-Msg-Id`, so a republish (a resent offline message) is deduplicated.
 */
export class TicketCreated {
  @IsEntityId() ticketId!: string;
  @IsEntityId() workspaceId!: string;
  @IsEntityId() customerId!: string;
  @IsString() subject!: string;
  @ValidateIf((_, v) => v !== null) @IsEntityId() departmentId!: string | null;
  @IsIn(TICKET_SOURCES) source!: TicketSource;
  @IsISO8601() createdAt!: string;
}
