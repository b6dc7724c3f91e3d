import type { BusiestHourRow, KpiReportRow } from '@hub/contracts';
import type { CsvColumn } from './csv';

const csatColumns: CsvColumn<KpiReportRow>[] = [1, 2, 3, 4, 5].map((rating) => ({
  header: `csat_${rating}`,
  cell: (row) => row.csatDistribution[rating - 1],
}));

/** The KPI report's columns in CSV: one per figure, the CSAT distribution spread over five. */
export const KPI_CSV_COLUMNS: readonly CsvColumn<KpiReportRow>[] = [
  { header: 'period', cell: (row) => row.period },
  { header: 'key', cell: (row) => row.key },
  { header: 'conversations', cell: (row) => row.conversations },
  { header: 'handled', cell: (row) => row.handled },
  { header: 'missed', cell: (row) => row.missed },
  { header: 'abandoned', cell: (row) => row.abandoned },
  { header: 'first_response_median_s', cell: (row) => row.firstResponseMedian },
  { header: 'first_response_p90_s', cell: (row) => row.firstResponseP90 },
  { header: 'resolution_median_s', cell: (row) => row.resolutionMedian },
  { header: 'resolution_p90_s', cell: (row) => row.resolutionP90 },
  { header: 'queue_wait_median_s', cell: (row) => row.queueWaitMedian },
  { header: 'queue_wait_p90_s', cell: (row) => row.queueWaitP90 },
  { header: 'csat_average', cell: (row) => row.csatAverage },
  ...csatColumns,
  { header: 'sla_met', cell: (row) => row.slaMet },
  { header: 'sla_breached', cell: (row) => row.slaBreached },
  { header: 'sla_attainment', cell: (row) => row.slaAttainment },
  { header: 'tickets', cell: (row) => row.tickets },
  { header: 'tickets_solved', cell: (row) => row.ticketsSolved },
  { header: 'ticket_resolution_median_s', cell: (row) => row.ticketResolutionMedian },
  { header: 'ticket_resolution_p90_s', cell: (row) => row.ticketResolutionP90 },
];

export const BUSIEST_HOURS_CSV_COLUMNS: readonly CsvColumn<BusiestHourRow>[] = [
  { header: 'hour', cell: (row) => row.hour },
  { header: 'conversations', cell: (row) => row.conversations },
];
