import { IsIn, IsOptional } from 'class-validator';
import { INITIAL_TICKET_STATUSES, type Priority, type TicketStatus } from '@hub/domain';
import { Actor } from '../common/actor';
import { IsEntityId } from '../common/validators';
import { ValidateNestedActor } from './ticket-actor';
import {
  IsEntityIdOrNull,
  IsInstantOrNull,
  IsTicketPriority,
  IsTicketSubject,
  IsTicketTags,
  IsTicketText,
} from './ticket-fields';

/**
 * `crm.ticket.create` → TicketView: an agent opens a ticket for a customer (the requester),
 * optionally turning a conversation into it (`conversationId`, linked at once; a conversation
 * already linked to a ticket is refused with TICKET_CONVERSATION_LINKED). Status `new` unless
 * `open` is asked for.
 */
export class CreateTicketRequest {
  @IsEntityId() workspaceId!: string;
  @ValidateNestedActor() actor!: Actor;
  @IsEntityId() customerId!: string;
  @IsTicketSubject() subject!: string;
  @IsOptional() @IsTicketText() description?: string;
  @IsOptional() @IsIn(INITIAL_TICKET_STATUSES) status?: TicketStatus;
  @IsOptional() @IsTicketPriority() priority?: Priority;
  @IsOptional() @IsEntityIdOrNull() categoryId?: string | null;
  @IsOptional() @IsTicketTags() tags?: string[];
  @IsOptional() @IsEntityIdOrNull() assigneeId?: string | null;
  @IsOptional() @IsEntityIdOrNull() departmentId?: string | null;
  @IsOptional() @IsInstantOrNull() dueAt?: string | null;
  @IsOptional() @IsEntityId() conversationId?: string;
}
