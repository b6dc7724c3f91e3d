import type { LoggerService } from '@nestjs/common';
import pino from 'pino';
import type { Logger } from 'pino';
import { currentCorrelationId } from './correlation';

export type { Logger } from 'pino';

/** JSON lines on stdout, each stamped with the service name and the current correlation id. */
export function createLogger(options: {
  service: string;
  level?: string;
  /** Where lines go; stdout when omitted. */
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
    },
    options.destination,
  );
}

type LogArgs = unknown[];

/** Lets NestJS's `Logger` (used as `new Logger(Thing.name)`) write through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...rest: LogArgs): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: LogArgs): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: LogArgs): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: LogArgs): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: LogArgs): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: LogArgs): void {
    this.write('fatal', message, rest);
  }

  // Nest appends the context (class name) last. We log as `logger.log({ fields }, 'text')` or
  // `logger.error('text', stack)`; an Error anywhere becomes `err`.
  private write(level: pino.Level, message: unknown, rest: LogArgs): void {
    const args = [...rest];
    const context = typeof args.at(-1) === 'string' ? (args.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    let text: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
      text = message.message;
    } else if (message && typeof message === 'object') Object.assign(fields, message);
    else text = String(message);
    for (const arg of args) {
      if (arg instanceof Error) fields.err = arg;
      else if (typeof arg === 'string' && text === undefined) text = arg;
      else if (typeof arg === 'string') fields.stack = arg;
      else if (arg && typeof arg === 'object') Object.assign(fields, arg);
    }
    this.pino[level](fields, text);
  }
}
