import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  ATTRIBUTE_KEY_PATTERN,
  ATTRIBUTE_TYPES,
  CustomerFields,
  DefineAttributeRequest,
  NOTE_MAX_LENGTH,
  OrderFields,
  UpdateAttributeRequest,
  IsEntityId,
  IsExternalId,
  IsPageSize,
  IsStorableText,
  LINK_DECISIONS,
  type AttributeType,
  type LinkDecision,
} from '@hub/contracts';
import { CHANNELS, type Channel } from '@hub/domain';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsQueryInteger } from '../../api/validators';

export class CustomerParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  customerId!: string;
}

export class IdentityParams extends CustomerParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  identityId!: string;
}

export class SuggestionParams extends CustomerParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  suggestionId!: string;
}

/** A page query: the cursor a previous page gave, and a size. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsPageSize(100)
  @IsQueryInteger()
  limit?: number;
}

// A query string carries text: `12`, `true` and `"12"` are read as JSON, anything else as text.
function queryJson({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return ['string', 'number', 'boolean'].includes(typeof parsed) ? parsed : value;
  } catch {
    return value;
  }
}

export class SearchCustomersQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'Start of the name, email, phone or id on any channel (case-insensitive; CJK too: 王小 finds 王小明)',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsStorableText()
  query?: string;

  @ApiPropertyOptional({ description: 'Only customers with this tag', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @IsStorableText()
  tag?: string;

  @ApiPropertyOptional({
    description: 'With attributeValue: only customers whose attribute holds it',
  })
  // Checked when either of the pair is given, so a value without its key is refused too.
  @ValidateIf(
    (query: SearchCustomersQuery) =>
      query.attributeKey !== undefined || query.attributeValue !== undefined,
  )
  @Matches(ATTRIBUTE_KEY_PATTERN, { message: 'attributeKey is not a valid key' })
  attributeKey?: string;

  @ApiPropertyOptional({
    description: 'The attribute value: 12, true and "12" are read as JSON, other text as text',
    type: String,
  })
  @ValidateIf((query: SearchCustomersQuery) => query.attributeKey !== undefined)
  @IsDefined({ message: 'attributeValue must be given with attributeKey' })
  @Transform(queryJson)
  attributeValue?: string | number | boolean;
}

/** Create or edit a customer: every field optional; on edit, at least one. */
export class CustomerBody extends CustomerFields {}

/** What OpenAPI shows for CustomerBody (its rules come from @hub/contracts' CustomerFields). */
export class CustomerBodySchema {
  @ApiPropertyOptional({ nullable: true, maxLength: 200 }) name?: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'email' }) email?: string | null;
  @ApiPropertyOptional({ nullable: true, maxLength: 40 }) phone?: string | null;
  @ApiPropertyOptional({ description: 'The email was verified (automatic linking trusts it)' })
  emailVerified?: boolean;
  @ApiPropertyOptional() phoneVerified?: boolean;
  @ApiPropertyOptional({ nullable: true, example: 'ja-JP' }) locale?: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'Asia/Tokyo' }) timeZone?: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'uri' }) avatarUrl?: string | null;
  @ApiPropertyOptional({ nullable: true, maxLength: 200 }) company?: string | null;
  @ApiPropertyOptional() vip?: boolean;
  @ApiPropertyOptional({ type: [String], maxItems: 50 }) tags?: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Custom attribute values by key, checked against the definitions; null removes one',
  })
  attributes?: Record<string, unknown>;
}

export class AddIdentityBody {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty({ description: 'The id on the channel: email address, phone number, PSID...' })
  @IsExternalId()
  externalId!: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}

export class DecideSuggestionBody {
  @ApiProperty({
    enum: LINK_DECISIONS,
    description:
      "accept: the other customer's identities move to this one; dismiss: never suggested again",
  })
  @IsIn(LINK_DECISIONS)
  decision!: LinkDecision;
}

export class AttributeParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  definitionId!: string;
}

/** What OpenAPI shows for an attribute definition body (rules in @hub/contracts). */
export class DefineAttributeSchema {
  @ApiProperty({ example: 'plan', pattern: ATTRIBUTE_KEY_PATTERN.source }) key!: string;
  @ApiProperty({ maxLength: 100 }) label!: string;
  @ApiProperty({ enum: ATTRIBUTE_TYPES }) type!: AttributeType;
  @ApiPropertyOptional({ type: [String], description: 'The choices of a list attribute' })
  options?: string[];
}

export class UpdateAttributeSchema {
  @ApiPropertyOptional({ maxLength: 100 }) label?: string;
  @ApiPropertyOptional({ type: [String] }) options?: string[];
}

export class DefineAttributeBody extends PickType(DefineAttributeRequest, [
  'key',
  'label',
  'type',
  'options',
] as const) {}

export class UpdateAttributeBody extends PickType(UpdateAttributeRequest, [
  'label',
  'options',
] as const) {}

export class OrderParams extends CustomerParams {
  @ApiProperty({ description: "The shop's order number", maxLength: 200 })
  @IsExternalId()
  @MaxLength(200)
  externalId!: string;
}

/** An order as the shop pushes it (rules in @hub/contracts' OrderFields). */
export class PutOrderBody extends OrderFields {}

export class OrderItemSchema {
  @ApiProperty() name!: string;
  @ApiProperty({ minimum: 1 }) quantity!: number;
  @ApiProperty({ minimum: 0, description: 'Unit price in minor units (cents, yen)' })
  unitCents!: number;
  @ApiPropertyOptional() sku?: string;
}

export class PutOrderSchema {
  @ApiProperty({ example: 'paid', description: "The shop's own status word" }) status!: string;
  @ApiProperty({ minimum: 0, description: 'In minor units' }) totalCents!: number;
  @ApiProperty({ example: 'JPY', pattern: '^[A-Z]{3}$' }) currency!: string;
  @ApiProperty({ type: [OrderItemSchema] }) items!: OrderItemSchema[];
  @ApiProperty({ format: 'date-time' }) orderedAt!: string;
}

export class NoteBody {
  @ApiProperty({ maxLength: NOTE_MAX_LENGTH, description: 'Seen by agents only' })
  @IsString()
  @MinLength(1)
  @MaxLength(NOTE_MAX_LENGTH)
  @IsStorableText()
  body!: string;
}
