import { ApiProperty } from '@nestjs/swagger';
import {
  SLA_STANDINGS,
  type SlaStanding,
  type TicketCategoryView,
  type TicketHistoryEntry,
  type TicketPage,
  type TicketReminderView,
  type TicketView,
} from '@hub/contracts';
import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '@hub/domain';

// OpenAPI schemas of the ticket views; `implements` keeps them in step with @hub/contracts.

export class TicketViewSchema implements TicketView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) workspaceId!: string;
  @ApiProperty({ format: 'uuid', description: 'The requester' }) customerId!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ enum: TICKET_STATUSES }) status!: TicketStatus;
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) categoryId!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ type: [String], description: 'Linked conversations, any channel' })
  conversationIds!: string[];
  @ApiProperty({ description: 'The requester is a VIP customer' }) vip!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) solvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'offline-message' })
  source!: string | null;
  @ApiProperty({
    minimum: 1,
    description: 'Send it back with a change (If-Match or version): a stale one is a 409',
  })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TicketSlaSchema {
  @ApiProperty({ enum: SLA_STANDINGS, description: 'The worst of its open SLA clocks' })
  standing!: SlaStanding;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'The soonest due time of its counting clocks; null while all are paused',
  })
  dueAt!: string | null;
}

export class SlaTicketViewSchema extends TicketViewSchema {
  @ApiProperty({ type: TicketSlaSchema, nullable: true, description: 'Null: no SLA clock open' })
  sla!: TicketSlaSchema | null;
}

export class TicketPageSchema implements TicketPage {
  @ApiProperty({ type: [SlaTicketViewSchema] }) items!: SlaTicketViewSchema[];
  @ApiProperty({ nullable: true, type: String, description: 'Null on the last page' })
  nextCursor!: string | null;
}

export class TicketFieldChangeSchema {
  @ApiProperty({ example: 'status' }) field!: string;
  @ApiProperty({ example: 'open', nullable: true }) from!: unknown;
  @ApiProperty({ example: 'solved', nullable: true }) to!: unknown;
}

export class TicketHistoryEntrySchema implements TicketHistoryEntry {
  @ApiProperty() id!: string;
  @ApiProperty({
    example: 'transferred',
    description:
      'created, updated, status_changed, transferred, conversation_linked, conversation_unlinked, reopened',
  })
  action!: string;
  @ApiProperty({ enum: ['agent', 'system', 'integrator'] })
  actorType!: 'agent' | 'system' | 'integrator';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ type: [TicketFieldChangeSchema] }) changes!: TicketFieldChangeSchema[];
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class TicketReminderViewSchema implements TicketReminderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ format: 'date-time' }) remindAt!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) notifiedAt!: string | null;
}

export class TicketCategoryViewSchema implements TicketCategoryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
