import { IsOptional } from 'class-validator';
import type { Priority, TicketStatus } from '@hub/domain';
import { Actor } from '../common/actor';
import { IsEntityId } from '../common/validators';
import { ValidateNestedActor } from './ticket-actor';
import {
  IsEntityIdOrNull,
  IsInstantOrNull,
  IsTicketPriority,
  IsTicketStatus,
  IsTicketSubject,
  IsTicketTags,
  IsTicketText,
  IsTicketVersion,
} from './ticket-fields';

/** The fields of a ticket an agent's change may set (all optional, at least one given). */
export const TICKET_CHANGE_FIELDS = [
  'subject',
  'status',
  'priority',
  'categoryId',
  'tags',
  'assigneeId',
  'departmentId',
  'dueAt',
] as const;

/**
 * `crm.ticket.update` → TicketView: an agent changes a ticket they read at `version`. A stale
 * version is refused with TICKET_CONFLICT (nothing changed); a status change the workflow
 * forbids with TICKET_ILLEGAL_TRANSITION. A transfer is a change of `assigneeId` and/or
 * `departmentId` with a `note`, which the history keeps. Fields left out stay as they are; a
 * change that changes nothing answers the ticket as it is, without a new version.
 */
export class UpdateTicketRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() ticketId!: string;
  @ValidateNestedActor() actor!: Actor;
  @IsTicketVersion() version!: number;
  @IsOptional() @IsTicketSubject() subject?: string;
  @IsOptional() @IsTicketStatus() status?: TicketStatus;
  @IsOptional() @IsTicketPriority() priority?: Priority;
  @IsOptional() @IsEntityIdOrNull() categoryId?: string | null;
  @IsOptional() @IsTicketTags() tags?: string[];
  @IsOptional() @IsEntityIdOrNull() assigneeId?: string | null;
  @IsOptional() @IsEntityIdOrNull() departmentId?: string | null;
  @IsOptional() @IsInstantOrNull() dueAt?: string | null;
  /** Why (a transfer's note): kept in the history with the change. */
  @IsOptional() @IsTicketText() note?: string;
}
