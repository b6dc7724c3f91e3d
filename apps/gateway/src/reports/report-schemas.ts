import { ApiProperty } from '@nestjs/swagger';
import {
  REPORT_REBUILD_STATUSES,
  type BusiestHourRow,
  type KpiReportRow,
  type ReportRebuildStatus,
  type ReportRebuildView,
} from '@hub/contracts';

const seconds = (what: string) => ({
  nullable: true,
  type: Number,
  description: `${what}, in seconds`,
});

export class KpiReportRowSchema implements KpiReportRow {
  @ApiProperty({ format: 'date', description: 'First local day of the period' }) period!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Agent, department or channel; null for the workspace row or none',
  })
  key!: string | null;
  @ApiProperty({ description: 'Conversations opened or reopened in the period' })
  conversations!: number;
  @ApiProperty({ description: 'Resolved after at least one agent message' }) handled!: number;
  @ApiProperty({ description: 'Assigned to an agent, resolved without an agent message' })
  missed!: number;
  @ApiProperty({ description: 'Resolved without ever being assigned' }) abandoned!: number;
  @ApiProperty(seconds('Median first response time')) firstResponseMedian!: number | null;
  @ApiProperty(seconds('90th percentile of the first response time')) firstResponseP90!:
    number | null;
  @ApiProperty(seconds('Median resolution time of handled conversations')) resolutionMedian!:
    number | null;
  @ApiProperty(seconds('90th percentile of the resolution time')) resolutionP90!: number | null;
  @ApiProperty(seconds('Median wait in the queue before the first assignment')) queueWaitMedian!:
    number | null;
  @ApiProperty(seconds('90th percentile of the queue wait')) queueWaitP90!: number | null;
  @ApiProperty({ nullable: true, type: Number }) csatAverage!: number | null;
  @ApiProperty({ type: [Number], description: 'Ratings 1 to 5, counted' }) csatDistribution!: [
    number,
    number,
    number,
    number,
    number,
  ];
  @ApiProperty() slaMet!: number;
  @ApiProperty() slaBreached!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'met / (met + breached)' })
  slaAttainment!: number | null;
  @ApiProperty({ description: 'Tickets created in the period (no channel: the null key)' })
  tickets!: number;
  @ApiProperty({ description: 'Of those, solved or closed since' }) ticketsSolved!: number;
  @ApiProperty(seconds('Median time from creation to first solved')) ticketResolutionMedian!:
    number | null;
  @ApiProperty(seconds('90th percentile of the ticket resolution time')) ticketResolutionP90!:
    number | null;
}

export class BusiestHourRowSchema implements BusiestHourRow {
  @ApiProperty({ minimum: 0, maximum: 23, description: "In the workspace's time zone" })
  hour!: number;
  @ApiProperty() conversations!: number;
}

export class ReportRebuildViewSchema implements ReportRebuildView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_REBUILD_STATUSES }) status!: ReportRebuildStatus;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) requestedBy!: string | null;
  @ApiProperty({ description: "Stream messages read so far (every workspace's)" })
  eventsRead!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}
