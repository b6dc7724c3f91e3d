import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEntityId,
  REPORT_DIMENSIONS,
  REPORT_INTERVALS,
  type ReportDimension,
  type ReportInterval,
} from '@hub/contracts';
import { IsIn, IsOptional, Matches } from 'class-validator';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReportPeriodQuery {
  @ApiProperty({
    description: "First day, inclusive, in the workspace's time zone (YYYY-MM-DD)",
    example: '2026-03-01',
  })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({
    description: 'Last day, exclusive (YYYY-MM-DD); at most one year after from',
    example: '2026-04-01',
  })
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class KpiReportQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({
    enum: REPORT_INTERVALS,
    default: 'day',
    description: 'Weeks start on Monday',
  })
  @IsOptional()
  @IsIn(REPORT_INTERVALS)
  interval?: ReportInterval;

  @ApiPropertyOptional({ enum: REPORT_DIMENSIONS, default: 'workspace' })
  @IsOptional()
  @IsIn(REPORT_DIMENSIONS)
  groupBy?: ReportDimension;
}

export class RebuildParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  rebuildId!: string;
}
