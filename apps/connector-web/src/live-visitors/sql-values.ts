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
