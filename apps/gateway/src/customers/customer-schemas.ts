import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTRIBUTE_TYPES,
  LINK_SUGGESTION_REASONS,
  LINK_SUGGESTION_STATUSES,
  type AttributeDefinitionView,
  type AttributeType,
  type DeletedAttributeView,
  type LinkSuggestionReason,
  type LinkSuggestionStatus,
  type LinkSuggestionView,
  type NoteView,
  type OrderView,
} from '@hub/contracts';
import { CustomerViewSchema } from '../api/view-schemas';
import { OrderItemSchema } from './dto/customer.dto';

// OpenAPI shapes of what the customer routes answer.

export class CustomerPageSchema {
  @ApiProperty({ type: [CustomerViewSchema] }) customers!: CustomerViewSchema[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}

export class LinkSuggestionSchema implements LinkSuggestionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ nullable: true, type: String }) candidateName!: string | null;
  @ApiProperty({ enum: LINK_SUGGESTION_REASONS }) reason!: LinkSuggestionReason;
  @ApiProperty({ enum: LINK_SUGGESTION_STATUSES }) status!: LinkSuggestionStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AttributeDefinitionSchema implements AttributeDefinitionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ATTRIBUTE_TYPES }) type!: AttributeType;
  @ApiProperty({ type: [String] }) options!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeletedAttributeSchema implements DeletedAttributeView {
  @ApiProperty({ type: AttributeDefinitionSchema }) definition!: AttributeDefinitionView;
  @ApiProperty({ description: 'How many customers had a value of it, now removed' })
  valuesRemoved!: number;
}

export class OrderSchema implements OrderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() externalId!: string;
  @ApiProperty() status!: string;
  @ApiProperty() totalCents!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: [OrderItemSchema] }) items!: OrderItemSchema[];
  @ApiProperty({ format: 'date-time' }) orderedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PutOrderReplySchema {
  @ApiProperty({ type: OrderSchema }) order!: OrderSchema;
  @ApiProperty({ description: 'This request stored the order first' }) created!: boolean;
  @ApiProperty({ description: 'False when the order was already stored exactly so' })
  changed!: boolean;
}

export class NoteSchema implements NoteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) customerId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) conversationId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class TimelineItemSchema {
  @ApiProperty({ enum: ['conversation', 'ticket', 'order', 'note', 'visit'] }) type!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ description: 'For a conversation: ConversationView' })
  conversation?: object;
  @ApiPropertyOptional({ description: 'For a ticket: id, subject, status, priority' })
  ticket?: object;
  @ApiPropertyOptional({ type: OrderSchema }) order?: OrderSchema;
  @ApiPropertyOptional({ type: NoteSchema }) note?: NoteSchema;
  @ApiPropertyOptional({ description: 'For a website visit: when, from where, how many pages' })
  visit?: object;
}

export class TimelinePageSchema {
  @ApiProperty({ type: [TimelineItemSchema] }) items!: TimelineItemSchema[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
