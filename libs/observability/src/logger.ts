import type { LoggerService } from '@nestjs/common';
import pino from 'pino';
import type { Logger } from 'pino';
import { currentCorrelationId } from './correlation';

export type { Logger } from 'pino';

/** JSON lines on stdout, each stamped with the service name and the current correlation id. */
export function createLogger(options: { service: string; level?: string }): Logger {
  return pino({
    level: options.level ?? 'info',
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
  });
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

  // Nest passes the context (class name) last; an error's stack, when given, comes before it.
  private write(level: pino.Level, message: unknown, rest: LogArgs): void {
    const args = [...rest];
    const context = typeof args.at(-1) === 'string' ? (args.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    for (const arg of args) {
      if (arg instanceof Error) fields.err = arg;
      else if (typeof arg === 'string') fields.stack = arg;
      else if (arg && typeof arg === 'object') Object.assign(fields, arg);
    }
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (message && typeof message === 'object') this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
}
