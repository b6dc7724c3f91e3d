import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  IsEntityId,
  IsHttpUrl,
  IsStorableText,
  PUBLIC_EVENT_CATALOG,
  PUBLIC_EVENT_TYPES,
  publicEventKey,
} from '@hub/contracts';

/** What a subscription may name: an event (its newest version) or one version of it. */
export const SUBSCRIBABLE_EVENTS: readonly string[] = [
  ...PUBLIC_EVENT_TYPES,
  ...PUBLIC_EVENT_CATALOG.map((event) => publicEventKey(event.type, event.version)),
];

export class CreateWebhookBody {
  @ApiProperty({ example: 'https://example.com/hub-events' })
  @IsHttpUrl()
  url!: string;

  @ApiProperty({
    description:
      'Events to receive: `conversation.created` (its newest version, kept from then on) or ' +
      '`conversation.created.v1` (that version)',
    example: ['conversation.created', 'message.created.v1'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsIn(SUBSCRIBABLE_EVENTS, { each: true })
  events!: string[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsStorableText()
  description?: string;
}

export class UpdateWebhookBody {
  @ApiPropertyOptional({ example: 'https://example.com/hub-events' })
  @IsOptional()
  @IsHttpUrl()
  url?: string;

  @ApiPropertyOptional({ description: 'Replaces the events (as on creation)' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsIn(SUBSCRIBABLE_EVENTS, { each: true })
  events?: string[];

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsStorableText()
  description?: string;
}

export class ReplayWebhookBody {
  @ApiProperty({ description: 'Redeliver the events that happened since this time' })
  @IsISO8601({ strict: true })
  since!: string;
}

export class DeliveryLogQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class WebhookParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  webhookId!: string;
}
