import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '@hub/domain';
import { IsEntityId } from '../common/validators';

/** The ticket as it stands after a change: what SLA clocks, reports and webhooks read. */
export class TicketSnapshot {
  @IsEntityId() id!: string;
  @IsEntityId() customerId!: string;
  @IsString() subject!: string;
  @IsIn(TICKET_STATUSES) status!: TicketStatus;
  @IsIn(PRIORITIES) priority!: Priority;
  @ValidateIf((_, v) => v !== null) @IsEntityId() categoryId!: string | null;
  @ValidateIf((_, v) => v !== null) @IsEntityId() assigneeId!: string | null;
  @ValidateIf((_, v) => v !== null) @IsEntityId() departmentId!: string | null;
  /** The requester is a VIP customer (SLA policies and routing may treat them first). */
  @IsBoolean() vip!: boolean;
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) conversationIds!: string[];
  @ValidateIf((_, v) => v !== null) @IsISO8601() dueAt!: string | null;
  /** Bumped by every write; a writer that read an older version gets a conflict. */
  @IsInt() @Min(1) version!: number;
  @IsISO8601() createdAt!: string;
}

/** One field a write changed; a new ticket lists its fields with `from: null`. */
export class TicketFieldChange {
  @IsString() field!: string;
  // Any JSON value: the field's old and new values as the history keeps them.
  @Allow() from!: unknown;
  @Allow() to!: unknown;
}

export const TICKET_ACTOR_TYPES = ['agent', 'system', 'integrator'] as const;
export type TicketActorType = (typeof TICKET_ACTOR_TYPES)[number];

/**
 * `evt.crm.ticket.changed.v1`: crm committed a write of a ticket, its creation included (then
 * `created` is true). Written through crm's outbox; `eventId` is the `Nats-Msg-Id`.
 */
export class TicketChanged {
  @IsString() eventId!: string;
  @IsEntityId() workspaceId!: string;
  @IsISO8601() occurredAt!: string;
  @IsBoolean() created!: boolean;
  @ValidateNested() @Type(() => TicketSnapshot) ticket!: TicketSnapshot;
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TicketFieldChange)
  changes!: TicketFieldChange[];
  @IsIn(TICKET_ACTOR_TYPES) actorType!: TicketActorType;
  @ValidateIf((_, v) => v !== null) @IsEntityId() actorId!: string | null;
}
