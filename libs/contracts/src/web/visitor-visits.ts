import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TimelinePosition } from '../common/timeline-position';
import { IsEntityId } from '../common/validators';

/** One visit of a website visitor: when, from where, how many pages. */
export interface VisitView {
  id: string;
  visitorId: string;
  startedAt: string;
  lastSeenAt: string;
  pagesViewed: number;
  source: string;
  referrer: string | null;
  searchKeyword: string | null;
  country: string | null;
  city: string | null;
  device: string | null;
}

/**
 * `connector-web.visitor.visits` → VisitView[]: the visits of these visitors (one customer's
 * web identities), newest started first (by `startedAt` to the millisecond, then id), after
 * `before` when given. For crm's customer timeline.
 */
export class VisitorVisitsRequest {
  @IsEntityId() workspaceId!: string;
  @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) visitorIds!: string[];
  @IsOptional() @ValidateNested() @Type(() => TimelinePosition) before?: TimelinePosition;
  @IsInt() @Min(1) @Max(101) limit!: number;
}
