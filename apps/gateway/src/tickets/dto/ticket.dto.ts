import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsCategoryName,
  IsEntityId,
  IsEntityIdOrNull,
  IsInstantOrNull,
  IsOneOfChange,
  IsPageSize,
  IsTicketPriority,
  IsTicketStatus,
  IsTicketSubject,
  IsTicketTags,
  IsTicketText,
  IsTicketVersion,
  IsZonedInstant,
  TICKET_CHANGE_FIELDS,
  TICKET_TAGS_MAX,
  SLA_ALERT_STANDINGS,
  type SlaAlertStanding,
} from '@hub/contracts';
import {
  INITIAL_TICKET_STATUSES,
  PRIORITIES,
  TICKET_STATUSES,
  type Priority,
  type TicketStatus,
} from '@hub/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageCursorQuery, SlaDueWithinQuery } from '../../api/list-query';
import { IsQueryInteger } from '../../api/validators';

// REST bodies, queries and params of /tickets and /ticket-categories. The validator stacks come
// from @hub/contracts, so the gateway and crm refuse the same input the same way.

export class TicketParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  ticketId!: string;
}

export class TicketConversationParams extends TicketParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  conversationId!: string;
}

export class TicketReminderParams extends TicketParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  reminderId!: string;
}

export class TicketCategoryParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  categoryId!: string;
}

export class CreateTicketBody {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The requester; may be left out when conversationId is given (its customer)',
  })
  @IsOptional()
  @IsEntityId()
  customerId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Turn this conversation (any channel) into the ticket: it is linked at once',
  })
  @IsOptional()
  @IsEntityId()
  conversationId?: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsTicketSubject()
  subject!: string;

  @ApiPropertyOptional({ maxLength: 10_000 })
  @IsOptional()
  @IsTicketText()
  description?: string;

  @ApiPropertyOptional({ enum: INITIAL_TICKET_STATUSES, default: 'new' })
  @IsOptional()
  @IsIn(INITIAL_TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsTicketPriority()
  priority?: Priority;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsEntityIdOrNull()
  categoryId?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: TICKET_TAGS_MAX })
  @IsOptional()
  @IsTicketTags()
  tags?: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsEntityIdOrNull()
  assigneeId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsEntityIdOrNull()
  departmentId?: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  @IsOptional()
  @IsInstantOrNull()
  dueAt?: string | null;
}

export class UpdateTicketBody {
  @ApiPropertyOptional({
    minimum: 1,
    description: 'The version read; or send it as the If-Match header',
  })
  @IsOptional()
  @IsTicketVersion()
  version?: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOneOfChange(TICKET_CHANGE_FIELDS)
  @IsTicketSubject()
  subject?: string;

  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOneOfChange(TICKET_CHANGE_FIELDS)
  @IsTicketStatus()
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOneOfChange(TICKET_CHANGE_FIELDS)
  @IsTicketPriority()
  priority?: Priority;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOneOfChange(TICKET_CHANGE_FIELDS)
  @IsEntityIdOrNull()
  categoryId?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: TICKET_TAGS_MAX })
  @IsOneOfChange(TICKET_CHANGE_FIELDS)
  @IsTicketTags()
  tags?: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOneOfChange(TICKET_CHANGE_FIELDS)
  @IsEntityIdOrNull()
  assigneeId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOneOfChange(TICKET_CHANGE_FIELDS)
  @IsEntityIdOrNull()
  departmentId?: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  @IsOneOfChange(TICKET_CHANGE_FIELDS)
  @IsInstantOrNull()
  dueAt?: string | null;
}

const TRANSFER_TARGETS = ['toAgentId', 'toDepartmentId'] as const;

export class TransferTicketBody {
  @ApiPropertyOptional({ minimum: 1, description: 'The version read; or the If-Match header' })
  @IsOptional()
  @IsTicketVersion()
  version?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The agent who takes it' })
  @IsOneOfChange(TRANSFER_TARGETS)
  @IsEntityId()
  toAgentId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The department it goes to; without toAgentId, nobody has it until one takes it',
  })
  @IsOneOfChange(TRANSFER_TARGETS)
  @IsEntityId()
  toDepartmentId?: string;

  @ApiPropertyOptional({ maxLength: 10_000, description: 'Why; kept in the history' })
  @IsOptional()
  @IsTicketText()
  note?: string;
}

export class LinkConversationBody {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  conversationId!: string;
}

/** `a,b` in a query string as a list. */
function CommaList(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',') : value,
  );
}

export class ListTicketsQuery {
  @ApiPropertyOptional({ description: 'Statuses, comma-separated', example: 'new,open' })
  @IsOptional()
  @CommaList()
  @IsIn(TICKET_STATUSES, { each: true })
  status?: TicketStatus[];

  @ApiPropertyOptional({ description: 'Priorities, comma-separated', example: 'high,urgent' })
  @IsOptional()
  @CommaList()
  @IsIn(PRIORITIES, { each: true })
  priority?: Priority[];

  @ApiPropertyOptional({ description: 'An agent id, or "me"' })
  @IsOptional()
  @Matches(/^(me|[0-9a-fA-F-]{36})$/, { message: 'assigneeId must be an agent id or "me"' })
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsEntityId()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A top category includes its children' })
  @IsOptional()
  @IsEntityId()
  categoryId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsEntityId()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsEntityId()
  conversationId?: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({
    enum: SLA_ALERT_STANDINGS,
    description:
      'Only tickets whose SLA is breached (an open clock passed its due time) or at risk (one used 75 % of its target); at most the 1,000 soonest due',
  })
  @IsOptional()
  @IsIn(SLA_ALERT_STANDINGS)
  sla?: SlaAlertStanding;

  @SlaDueWithinQuery('tickets')
  slaDueWithin?: number;

  @PageCursorQuery()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsPageSize(100)
  @IsQueryInteger()
  limit?: number;
}

export class CreateReminderBody {
  @ApiProperty({ format: 'date-time', description: 'With a time zone' })
  @IsZonedInstant()
  remindAt!: string;

  @ApiPropertyOptional({ maxLength: 10_000 })
  @IsOptional()
  @IsTicketText()
  note?: string;
}

export class CreateCategoryBody {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsCategoryName()
  name!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A top category: this one becomes its child (one level only)',
  })
  @IsOptional()
  @IsEntityIdOrNull()
  parentId?: string | null;
}

export class RenameCategoryBody {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsCategoryName()
  name!: string;
}
