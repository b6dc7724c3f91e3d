import type { EntityManager } from 'typeorm';
import type { DetachedRows, MovedRows } from './customer-merge.entity';

/** A table pointing at crm.customers by a one-column foreign key. */
export interface CustomerReference {
  /** Schema-qualified and quoted, ready for SQL: `"crm"."orders"`. */
  table: string;
  column: string;
  /** Its primary key's columns; empty when it has none (its rows cannot be moved, only kept). */
  keyColumns: string[];
}

const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Every table with a foreign key to crm.customers, read from PostgreSQL's catalogue at each
 * merge: tables other features add (and their primary keys) follow without this code knowing
 * them. A table pointing at customers without a foreign key is not found, so it does not move.
 */
export async function customerReferences(tx: EntityManager): Promise<CustomerReference[]> {
  const rows = await tx.query<{ schema: string; name: string; column: string; keys: string[] }[]>(
    `select n.nspname::text as schema, t.relname::text as name, a.attname::text as column,
            coalesce((select array_agg(k.attname::text order by u.ord)
                        from pg_constraint p
                        cross join unnest(p.conkey) with ordinality u(attnum, ord)
                        join pg_attribute k on k.attrelid = p.conrelid and k.attnum = u.attnum
                       where p.conrelid = c.conrelid and p.contype = 'p'), '{}'::text[]) as keys
       from pg_constraint c
       join pg_class t on t.oid = c.conrelid
       join pg_namespace n on n.oid = t.relnamespace
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'crm.customers'::regclass
        and cardinality(c.conkey) = 1
      order by n.nspname, t.relname, a.attname`,
  );
  return rows.map((row) => ({
    table: `${quoteIdent(row.schema)}.${quoteIdent(row.name)}`,
    column: row.column,
    keyColumns: row.keys,
  }));
}

/** `jsonb_build_object('id', "id", ...)`: a row's primary key as jsonb. */
function keyObject(reference: CustomerReference): string {
  return `jsonb_build_object(${reference.keyColumns
    .map((key) => `${quoteLiteral(key)}, ${quoteIdent(key)}`)
    .join(', ')})`;
}

/** Matches the rows of `table` whose primary key is among the jsonb keys in `parameter`. */
function keyIn(keyColumns: string[], table: string, parameter: string): string {
  const keys = keyColumns.map(quoteIdent).join(', ');
  return `(${keys}) in (select ${keys} from jsonb_populate_recordset(null::${table}, ${parameter}))`;
}

/**
 * The rows an UPDATE ... RETURNING gave: TypeORM answers `[rows, count]` for an UPDATE and the
 * rows alone for anything else.
 */
async function returnedRows<T>(
  tx: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const result = await tx.query<[T[], number] | T[]>(sql, parameters);
  const [first] = result;
  return Array.isArray(first) ? first : (result as T[]);
}

function isClash(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code;
  return code === UNIQUE_VIOLATION || code === CHECK_VIOLATION;
}

/**
 * Points the rows of `reference` from one customer at another and returns their keys (as they
 * are after the move). One statement when nothing clashes; otherwise row by row, each in a
 * savepoint, and a row that would break a unique key or a check (both customers hold the same
 * attribute) stays where it is.
 */
export async function moveRows(
  tx: EntityManager,
  reference: CustomerReference,
  move: { from: string; to: string },
): Promise<MovedRows> {
  const moved: MovedRows = { table: reference.table, column: reference.column, keys: [] };
  if (reference.keyColumns.length === 0) return moved;
  const column = quoteIdent(reference.column);
  const update = `update ${reference.table} set ${column} = $1 where ${column} = $2`;
  const returning = `returning ${keyObject(reference)} as key`;
  await tx.query('savepoint customer_merge_table');
  try {
    const rows = await returnedRows<{ key: Record<string, unknown> }>(
      tx,
      `${update} ${returning}`,
      [move.to, move.from],
    );
    await tx.query('release savepoint customer_merge_table');
    moved.keys = rows.map((row) => row.key);
    return moved;
  } catch (error) {
    if (!isClash(error)) throw error;
    await tx.query('rollback to savepoint customer_merge_table');
    await tx.query('release savepoint customer_merge_table');
  }
  const candidates = await tx.query<{ key: Record<string, unknown> }[]>(
    `select ${keyObject(reference)} as key from ${reference.table} where ${column} = $1`,
    [move.from],
  );
  for (const { key } of candidates) {
    await tx.query('savepoint customer_merge_row');
    try {
      const [row] = await returnedRows<{ key: Record<string, unknown> }>(
        tx,
        `${update} and ${keyIn(reference.keyColumns, reference.table, '$3')} ${returning}`,
        [move.to, move.from, JSON.stringify([key])],
      );
      await tx.query('release savepoint customer_merge_row');
      if (row) moved.keys.push(row.key);
    } catch (error) {
      if (!isClash(error)) throw error;
      await tx.query('rollback to savepoint customer_merge_row');
      await tx.query('release savepoint customer_merge_row');
    }
  }
  return moved;
}

/** The rows still pointing at `customerId`, whole, before it is removed (and they with it). */
export async function detachedRows(
  tx: EntityManager,
  reference: CustomerReference,
  customerId: string,
): Promise<DetachedRows> {
  const rows = await tx.query<{ row: Record<string, unknown> }[]>(
    `select to_jsonb(t) as row from ${reference.table} t where ${quoteIdent(reference.column)} = $1`,
    [customerId],
  );
  return { table: reference.table, rows: rows.map((r) => r.row) };
}

/** The columns an INSERT may set: generated columns are computed by PostgreSQL again. */
async function insertableColumns(tx: EntityManager, table: string): Promise<string> {
  const rows = await tx.query<{ name: string }[]>(
    `select attname as name from pg_attribute
      where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = ''
      order by attnum`,
    [table],
  );
  return rows.map((row) => quoteIdent(row.name)).join(', ');
}

/**
 * Inserts rows kept as jsonb (`to_jsonb`) back into `table` as they were, identity columns
 * included; rows already there are left alone.
 */
export async function reinsertRows(
  tx: EntityManager,
  table: string,
  rows: Record<string, unknown>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = await insertableColumns(tx, table);
  const inserted = await tx.query<unknown[]>(
    `insert into ${table} (${columns}) overriding system value
     select ${columns} from jsonb_populate_recordset(null::${table}, $1)
     on conflict do nothing returning 1`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

/** Points the moved rows that still point at `from` back at `to`; returns how many. */
export async function moveRowsBack(
  tx: EntityManager,
  moved: MovedRows,
  back: { from: string; to: string },
): Promise<number> {
  if (moved.keys.length === 0) return 0;
  const column = quoteIdent(moved.column);
  const keyColumns = Object.keys(moved.keys[0]);
  const rows = await returnedRows<unknown>(
    tx,
    `update ${moved.table} set ${column} = $1
      where ${column} = $2 and ${keyIn(keyColumns, moved.table, '$3')} returning 1`,
    [back.to, back.from, JSON.stringify(moved.keys)],
  );
  return rows.length;
}
