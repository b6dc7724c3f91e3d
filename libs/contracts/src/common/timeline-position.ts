import { IsISO8601 } from 'class-validator';
import { IsEntityId } from './validators';

/**
 * A place in a list ordered newest first by a time (to the millisecond), then by id descending:
 * a page asks for what comes after it.
 */
export class TimelinePosition {
  @IsISO8601({ strict: true }) at!: string;
  @IsEntityId() id!: string;
}
