import { createHash } from 'node:crypto';
import { Client, type ClientConfig } from 'pg';

/** Uses of one statement text after which it is prepared. */
const PREPARE_AFTER_USES = 3;
/** Texts prepared at most per process: each costs memory on every connection that runs it. */
const MAX_PREPARED = 200;
/** Texts counted at most before the count starts again (bounds a process running ad-hoc SQL). */
const MAX_COUNTED = 2_000;

const uses = new Map<string, number>();
/** Each prepared text's statement name; null for a text never to be prepared again. */
const prepared = new Map<string, string | null>();

/** The statement name for `text` once it is used often enough, else undefined (send unnamed). */
function preparedName(text: string): string | undefined {
  const known = prepared.get(text);
  if (known !== undefined) return known ?? undefined;
  if (prepared.size >= MAX_PREPARED) return undefined;
  const count = (uses.get(text) ?? 0) + 1;
  if (count < PREPARE_AFTER_USES) {
    if (uses.size >= MAX_COUNTED) uses.clear();
    uses.set(text, count);
    return undefined;
  }
  uses.delete(text);
  const name = `hub_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  prepared.set(text, name);
  return name;
}

/**
 * A schema change under a running process (a migration adding a column during a rolling
 * upgrade) makes PostgreSQL refuse a prepared statement whose result columns it changed, on
 * every connection that prepared it. The text goes back to being sent unnamed, for good: its
 * name stays taken on those connections.
 */
function stopPreparing(text: string, error: unknown): void {
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && message.includes('cached plan must not change result type')) {
    prepared.set(text, null);
  }
}

/**
 * A pg client that prepares the parameterized statements a service runs again and again.
 *
 * Why: TypeORM sends every statement unnamed, so PostgreSQL parses and plans it anew each
 * time. Measured on the message path (tests/bench/new-conversations, PostgreSQL logging each
 * phase), parsing and planning took about 60 % of PostgreSQL's time on the services'
 * statements. A named statement is parsed once per connection, and PostgreSQL switches to a
 * cached generic plan once that plan is as cheap as the custom ones. Names are a hash of the
 * text, the same on every connection; rare texts stay unnamed, and at most MAX_PREPARED are
 * named per process.
 */
export class PreparingClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    const send = this.query.bind(this) as (...args: unknown[]) => unknown;
    // In front of pg's own query(), keeping its (heavily overloaded) type.
    this.query = ((...args: unknown[]) => sendNamedWhenHot(send, args)) as Client['query'];
  }
}

function sendNamedWhenHot(send: (...args: unknown[]) => unknown, args: unknown[]): unknown {
  const [text, values] = args;
  // TypeORM's form: text and parameters, answered by a promise.
  if (args.length !== 2 || typeof text !== 'string' || !Array.isArray(values) || !values.length) {
    return send(...args);
  }
  const name = preparedName(text);
  if (!name) return send(text, values);
  return (send({ name, text, values }) as Promise<unknown>).catch((error: unknown) => {
    stopPreparing(text, error);
    throw error;
  });
}
