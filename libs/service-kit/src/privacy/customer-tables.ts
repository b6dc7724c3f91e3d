import type { ExportedRow } from '@hub/contracts';
import type { EntityManager } from 'typeorm';

/**
 * One table holding a customer's data and how to find their rows: `where` is SQL over the
 * table's alias `t`, with the first parameters of the request (`$1` is always the workspace
 * id; a table may use `$1`–`$2` of three, not `$1` and `$3`). `omit` names columns never
 * exported (secrets such as token hashes).
 */
export interface CustomerTable {
  table: string;
  where: string;
  omit?: string[];
}

/** Each table's matching rows as the table holds them (`to_jsonb`, new columns included). */
export async function exportCustomerTables(
  tx: EntityManager,
  tables: readonly CustomerTable[],
  params: unknown[],
): Promise<Record<string, ExportedRow[]>> {
  const exported: Record<string, ExportedRow[]> = {};
  for (const { table, where, omit = [] } of tables) {
    const used = paramsUsed(where, params);
    const [{ rows }] = await tx.query<{ rows: ExportedRow[] }[]>(
      `select coalesce(jsonb_agg(to_jsonb(t) - $${used.length + 1}::text[]), '[]') as rows
         from ${table} t where ${where}`,
      [...used, omit],
    );
    exported[table] = rows;
  }
  return exported;
}

/** Deletes each table's matching rows, in the order given (children before parents). */
export async function eraseCustomerTables(
  tx: EntityManager,
  tables: readonly CustomerTable[],
  params: unknown[],
): Promise<Record<string, number>> {
  const erased: Record<string, number> = {};
  for (const { table, where } of tables) {
    const [{ count }] = await tx.query<{ count: number }[]>(
      `with gone as (delete from ${table} t where ${where} returning 1)
       select count(*)::int as count from gone`,
      paramsUsed(where, params),
    );
    erased[table] = count;
  }
  return erased;
}

// PostgreSQL cannot type a parameter no placeholder uses, so only those up to the highest
// placeholder of `where` are sent.
function paramsUsed(where: string, params: unknown[]): unknown[] {
  const highest = Math.max(0, ...[...where.matchAll(/\$(\d+)/g)].map(([, n]) => Number(n)));
  return params.slice(0, highest);
}
