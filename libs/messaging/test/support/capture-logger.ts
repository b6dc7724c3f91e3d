import type { Logger } from '@hub/observability';
import { currentCorrelationId } from '@hub/observability';
import pino from 'pino';

export interface LogLine {
  level: string;
  msg: string;
  correlationId?: string;
  [field: string]: unknown;
}

/** A pino logger (shaped like the services' one) whose lines are kept in memory for asserts. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino(
    {
      level: 'debug',
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
    },
    { write: (line: string) => lines.push(JSON.parse(line) as LogLine) },
  );
  return { logger, lines };
}
