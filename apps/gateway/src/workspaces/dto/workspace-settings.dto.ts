import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIanaTimeZone, IsOneOfChange } from '@hub/contracts';
import { MASKING_PATTERN_MAX_LENGTH, MASKING_PATTERNS_MAX_COUNT } from '@hub/text-safety';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsString,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { AreMaskingPatterns } from './masking-pattern.validator';

/** Ten years: longer is "keep", which null says. */
export const MAX_RETENTION_DAYS = 3_650;
export const MAX_REOPEN_WINDOW_DAYS = 365;

const SETTINGS_FIELDS = [
  'typingSneakPeek',
  'timeZone',
  'ticketReopenWindowDays',
  'maskingPatterns',
  'retentionDays',
  'webhooksAllowPrivateTargets',
];

/** Any of the settings; those left out keep their value. */
export class UpdateWorkspaceSettingsBody {
  @ApiPropertyOptional({ description: 'Agents see visitors’ unsent drafts' })
  @IsOneOfChange(SETTINGS_FIELDS)
  @IsBoolean()
  typingSneakPeek?: boolean;

  @ApiPropertyOptional({ example: 'Asia/Tokyo', description: 'An IANA time zone' })
  @IsOneOfChange(SETTINGS_FIELDS)
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_REOPEN_WINDOW_DAYS })
  @IsOneOfChange(SETTINGS_FIELDS)
  @IsInt()
  @Min(0)
  @Max(MAX_REOPEN_WINDOW_DAYS)
  ticketReopenWindowDays?: number;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MASKING_PATTERNS_MAX_COUNT,
    description:
      `JavaScript regular expressions (at most ${MASKING_PATTERN_MAX_LENGTH} characters each) ` +
      'masked beside card numbers in stored messages, drafts and search, keeping the last four ' +
      'letters or digits. Refused: patterns that do not compile, match empty text, use ' +
      'backreferences or repeat a group that repeats',
  })
  @IsOneOfChange(SETTINGS_FIELDS)
  @IsArray()
  @ArrayMaxSize(MASKING_PATTERNS_MAX_COUNT)
  @IsString({ each: true })
  @AreMaskingPatterns()
  maskingPatterns?: string[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_RETENTION_DAYS,
    description: 'Messages and visits older than this are removed; null keeps them',
  })
  @IsOneOfChange(SETTINGS_FIELDS)
  @ValidateIf((_body: object, value: unknown) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_RETENTION_DAYS)
  retentionDays?: number | null;

  @ApiPropertyOptional({
    description:
      'Webhooks and API-inbox callbacks may target loopback, private and link-local addresses',
  })
  @IsOneOfChange(SETTINGS_FIELDS)
  @IsBoolean()
  webhooksAllowPrivateTargets?: boolean;
}
