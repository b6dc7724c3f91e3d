const PINO_LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
const LEVEL_COLORS: Record<string, number> = {
  warn: 33,
  error: 31,
  fatal: 35,
  debug: 90,
  trace: 90,
};
const NAME_COLORS = [36, 32, 33, 34, 35, 96, 92, 94];
const HIDDEN_FIELDS = new Set([
  'time',
  'level',
  'msg',
  'message',
  'service',
  'pid',
  'hostname',
  'context',
  'err',
]);

export interface FormatOptions {
  /** Column width of the name prefix. */
  width: number;
  color: boolean;
  /** Index of the service, picks its prefix color. */
  index?: number;
}

function paint(text: string, code: number | undefined, on: boolean): string {
  return on && code !== undefined ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function levelName(level: unknown): string {
  if (typeof level === 'number') return PINO_LEVELS[level] ?? String(level);
  return typeof level === 'string' ? level : 'info';
}

function clock(time: unknown): string {
  const date = typeof time === 'string' || typeof time === 'number' ? new Date(time) : new Date();
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString().slice(11, 23);
}

function fieldValue(value: unknown): string {
  return typeof value === 'string' && !/\s/.test(value) ? value : JSON.stringify(value);
}

function parseLogRecord(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (value && typeof value === 'object' && !Array.isArray(value) && 'level' in value) {
      return value;
    }
    return undefined;
  } catch {
    // Not JSON after all: shown as it came.
    return undefined;
  }
}

/** Renders a pino JSON record as `12:00:00.000 INFO  [Context] message key=value`. */
export function prettyLogRecord(record: Record<string, unknown>, color: boolean): string {
  const level = levelName(record.level);
  const raw = record.msg ?? record.message ?? '';
  const message = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const context = typeof record.context === 'string' ? `[${record.context}] ` : '';
  const fields = Object.entries(record)
    .filter(([key]) => !HIDDEN_FIELDS.has(key))
    .map(([key, value]) => `${key}=${fieldValue(value)}`);
  const head = `${clock(record.time)} ${paint(level.toUpperCase().padEnd(5), LEVEL_COLORS[level], color)} ${context}${message}`;
  const text = fields.length > 0 ? `${head} ${paint(fields.join(' '), 90, color)}` : head;
  const err = record.err as { stack?: unknown; message?: unknown } | undefined;
  const stack = typeof err?.stack === 'string' ? err.stack : err?.message;
  return typeof stack === 'string' ? `${text}\n${stack}` : text;
}

/** One output line of a child, prefixed with its name; JSON log records pretty-printed. */
export function formatChildLine(name: string, line: string, opts: FormatOptions): string[] {
  const prefix = paint(
    `${name.padEnd(opts.width)} |`,
    NAME_COLORS[(opts.index ?? 0) % NAME_COLORS.length],
    opts.color,
  );
  const record = parseLogRecord(line.trim());
  const body = record ? prettyLogRecord(record, opts.color) : line;
  return body.split('\n').map((part) => `${prefix} ${part}`);
}

/** Splits a stream into lines, holding back a partial last line until it is complete. */
export class LineSplitter {
  private pending = '';

  push(chunk: string): string[] {
    const parts = (this.pending + chunk).split(/\r?\n/);
    this.pending = parts.pop() ?? '';
    return parts;
  }

  flush(): string[] {
    const rest = this.pending;
    this.pending = '';
    return rest ? [rest] : [];
  }
}
