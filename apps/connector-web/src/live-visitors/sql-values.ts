/**
 * A multi-row `VALUES` list with one typed parameter per cell: `($1::uuid, $2::text), (...)`.
 * PostgreSQL allows 65,535 parameters a statement, far above a batch of 500 rows.
 */
export function sqlValues(
  rows: readonly (readonly unknown[])[],
  types: readonly string[],
  firstParam = 1,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = types.map((type, column) => {
      params.push(row[column] ?? null);
      return `$${firstParam + params.length - 1}::${type}`;
    });
    return `(${cells.join(', ')})`;
  });
  return { sql: tuples.join(', '), params };
}

/** Anything that runs SQL: a DataSource or a transaction's EntityManager. */
interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * The rows of an `UPDATE ... RETURNING`: TypeORM answers an UPDATE with `[rows, rowCount]`
 * where any other statement gets the rows alone.
 */
export async function updateReturning<T>(
  runner: SqlRunner,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const [rows] = (await runner.query(sql, params)) as [T[], number];
  return rows;
}
