import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PRIORITIES, type Priority } from '@hub/domain';
import { IsEntityId, IsStorableText } from '../common/validators';

/** How an SLA target is counted: open time of the business hours, or every minute. */
export const SLA_HOURS = ['business', 'calendar'] as const;
export type SlaHours = (typeof SLA_HOURS)[number];

/** A target: 1 minute to a year. */
const MAX_TARGET_MINUTES = 366 * 24 * 60;

/**
 * What an SLA policy matches and promises. The first policy by `position` matching a ticket
 * or conversation applies: every listed condition must hold (an empty list or a null `vip`
 * matches anything; a conversation has no category and counts as `normal` priority, not VIP,
 * until a ticket links it). A null target starts no clock for that metric.
 */
export class SlaPolicyFields {
  @IsString() @IsNotEmpty() @MaxLength(200) @IsStorableText() name!: string;
  /** Lower first; ties by creation. Default: after the last policy. */
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) position?: number;
  @IsArray() @ArrayUnique() @IsIn(PRIORITIES, { each: true }) priorities!: Priority[];
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  categoryIds!: string[];
  @ValidateIf((_, v) => v !== null) @IsBoolean() vip!: boolean | null;
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  firstResponseMinutes!: number | null;
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  nextResponseMinutes!: number | null;
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  resolutionMinutes!: number | null;
  @IsIn(SLA_HOURS) hours!: SlaHours;
}

/** `routing.sla-policy.create` → SlaPolicyView. */
export class CreateSlaPolicyRequest extends SlaPolicyFields {
  @IsEntityId() workspaceId!: string;
}

/**
 * `routing.sla-policy.update` → SlaPolicyView: replaces the policy's fields. Clocks already
 * running keep their target until their ticket changes priority, category or VIP.
 */
export class UpdateSlaPolicyRequest extends SlaPolicyFields {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() policyId!: string;
}

/** `routing.sla-policy.remove` → `{ removed: true }`; open clocks keep their target. */
export class RemoveSlaPolicyRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() policyId!: string;
}

export interface SlaPolicyView {
  id: string;
  name: string;
  position: number;
  priorities: Priority[];
  categoryIds: string[];
  vip: boolean | null;
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  hours: SlaHours;
  createdAt: string;
  updatedAt: string;
}
