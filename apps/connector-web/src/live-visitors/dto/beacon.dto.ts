import { IsStorableText } from '@hub/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export const MAX_BEACON_EVENTS = 20;
export const MAX_URL_LENGTH = 2_048;
export const MAX_TITLE_LENGTH = 512;
// A page left open for a day is still one page view; longer is a clock gone wrong.
const MAX_DURATION_MS = 24 * 3600 * 1000;

/** One event of a beacon: `view` (a page opened) or `leave` (the page was left after durationMs). */
export class BeaconEvent {
  @IsIn(['view', 'leave']) type!: 'view' | 'leave';

  @IsUUID('all') pageViewId!: string;

  // view: the page, as the browser reports it (stored and shown as text, never as markup).
  @ValidateIf((event: BeaconEvent) => event.type === 'view')
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_URL_LENGTH)
  @IsStorableText()
  url?: string;

  @ValidateIf((event: BeaconEvent) => event.type === 'view')
  @IsString()
  @MaxLength(MAX_TITLE_LENGTH)
  @IsStorableText()
  title?: string;

  /** "" when the page had no referrer. */
  @ValidateIf((event: BeaconEvent) => event.type === 'view')
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  @IsStorableText()
  referrer?: string;

  /** When the page opened, by the browser's clock (the server's receipt time is what is stored). */
  @ValidateIf((event: BeaconEvent) => event.type === 'view')
  @IsISO8601({ strict: true })
  at?: string;

  @ValidateIf((event: BeaconEvent) => event.type === 'leave')
  @IsInt()
  @Min(0)
  @Max(MAX_DURATION_MS)
  durationMs?: number;
}

/** `POST /api/v1/widget/beacons`: JSON sent as text/plain (so sendBeacon needs no preflight). */
export class BeaconBatch {
  @IsString() @IsNotEmpty() @MaxLength(200) token!: string;

  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BEACON_EVENTS)
  @ValidateNested({ each: true })
  @Type(() => BeaconEvent)
  events!: BeaconEvent[];
}
