import type { ExportedRow } from '@hub/contracts';
import type { EntityManager } from 'typeorm';

/**
 * One table holding a customer's data and how to find their rows: `where` is SQL over the
 * table's alias `t`, with the request's parameters (`$1` is always the workspace id). `omit`
 * names columns never exported (secrets such as token hashes).
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
    const [{ rows }] = await tx.query<{ rows: ExportedRow[] }[]>(
      `select coalesce(jsonb_agg(to_jsonb(t) - $${params.length + 1}::text[]), '[]') as rows
         from ${table} t where ${where}`,
      [...params, omit],
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
      params,
    );
    erased[table] = count;
  }
  return erased;
}
