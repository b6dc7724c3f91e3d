import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '@hub/domain';
import { IsEntityId, IsPageCursor, IsPageSize } from '../common/validators';
import type { TicketView } from '../views/ticket-view';

/**
 * `crm.ticket.search` → TicketPage: a workspace's tickets, newest first, filtered (every
 * filter given must hold), a page at a time: pass the previous page's `nextCursor` as `cursor`.
 */
export class SearchTicketsRequest {
  @IsEntityId() workspaceId!: string;
  @IsOptional() @IsIn(TICKET_STATUSES, { each: true }) statuses?: TicketStatus[];
  @IsOptional() @IsIn(PRIORITIES, { each: true }) priorities?: Priority[];
  @IsOptional() @IsEntityId() assigneeId?: string;
  @IsOptional() @IsEntityId() departmentId?: string;
  @IsOptional() @IsEntityId() categoryId?: string;
  @IsOptional() @IsEntityId() customerId?: string;
  @IsOptional() @IsEntityId() conversationId?: string;
  @IsOptional() @IsString() @MaxLength(50) tag?: string;
  /** Only these tickets (e.g. those routing says are at risk of their SLA). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1_000)
  @IsUUID('all', { each: true })
  ids?: string[];
  /** Opaque: the `nextCursor` of the page before. */
  @IsPageCursor() cursor?: string;
  @IsPageSize(100) limit?: number;
}

export interface TicketPage {
  items: TicketView[];
  /** Null on the last page. */
  nextCursor: string | null;
}
