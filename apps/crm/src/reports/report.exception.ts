import { DomainException } from '@hub/service-kit';

export const ReportError = {
  periodTooLong: (from: string, to: string) =>
    new DomainException(
      'REPORT_PERIOD_TOO_LONG',
      `A report covers at most one year; ${from} to ${to} is longer`,
    ),
  periodInvalid: (from: string, to: string) =>
    new DomainException(
      'REPORT_PERIOD_INVALID',
      `A report period needs real dates and "to" after "from"; got ${from} to ${to}`,
    ),
  rebuildRunning: (workspaceId: string) =>
    new DomainException(
      'REPORT_REBUILD_RUNNING',
      `A rebuild of workspace ${workspaceId}'s reports is already running`,
    ),
  rebuildNotFound: (id: string) =>
    new DomainException('REPORT_REBUILD_NOT_FOUND', `Report rebuild ${id} does not exist`),
} as const;
