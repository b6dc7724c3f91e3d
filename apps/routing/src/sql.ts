import type { EntityManager } from 'typeorm';

/** What a repository runs its SQL on: a locked transaction, or the pool for unlocked work. */
export type Queryable = Pick<EntityManager, 'query'>;

/**
 * Runs SQL and returns its rows. TypeORM's `query` answers `[rows, count]` for UPDATE and
 * DELETE but plain rows otherwise; callers here always want the rows (of RETURNING too).
 */
export async function queryRows<T>(
  db: Queryable,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const raw: unknown = await db.query(sql, params);
  if (
    Array.isArray(raw) &&
    raw.length === 2 &&
    Array.isArray(raw[0]) &&
    typeof raw[1] === 'number'
  ) {
    return raw[0] as T[];
  }
  return raw as T[];
}
