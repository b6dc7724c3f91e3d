import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsEntityId, IsExternalId, IsPageSize, IsStorableText } from '../common/validators';
import { CrmActor } from './crm-actor';

/** The largest amount in minor units an order may carry (a safe integer). */
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export class OrderItemInput {
  @IsString() @MinLength(1) @MaxLength(500) @IsStorableText() name!: string;
  @IsInt() @Min(1) @Max(1_000_000) quantity!: number;
  @IsInt() @Min(0) @Max(MAX_CENTS) unitCents!: number;
  @IsOptional() @IsString() @MaxLength(100) @IsStorableText() sku?: string;
}

/** What the shop says about one order. */
export class OrderFields {
  @IsString() @MinLength(1) @MaxLength(50) @IsStorableText() status!: string;
  @IsInt() @Min(0) @Max(MAX_CENTS) totalCents!: number;
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as JPY' })
  currency!: string;
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OrderItemInput)
  items!: OrderItemInput[];
  @IsISO8601({ strict: true }) orderedAt!: string;
}

/**
 * `crm.order.put` → PutOrderReply: the shop's order `externalId` (unique in the workspace) as it
 * stands now, on the customer. Idempotent: the same order again changes nothing; a new status or
 * total replaces the old. An order already on another customer → ORDER_OF_ANOTHER_CUSTOMER.
 */
export class PutOrderRequest extends OrderFields {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => CrmActor) actor!: CrmActor;
  @IsEntityId() customerId!: string;
  @IsExternalId() @MaxLength(200) externalId!: string;
}

export interface OrderView {
  id: string;
  customerId: string;
  externalId: string;
  status: string;
  totalCents: number;
  currency: string;
  items: { name: string; quantity: number; unitCents: number; sku?: string }[];
  orderedAt: string;
  updatedAt: string;
}

export interface PutOrderReply {
  order: OrderView;
  /** True when this request stored the order for the first time. */
  created: boolean;
  /** False when the order was already stored exactly so. */
  changed: boolean;
}

/** `crm.order.list` → OrderView[]: the customer's orders, latest ordered first. */
export class ListOrdersRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() customerId!: string;
  @IsPageSize(200) limit?: number;
}
