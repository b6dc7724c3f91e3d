/**
 * The CHECK expression `column in ('a', 'b')` for an entity's `@Check`, built from a domain
 * vocabulary. Migrations spell their lists out literally (they are frozen once shipped); the
 * persistence integration test compares both, so a new enum value without a migration fails.
 */
export function sqlIn(column: string, values: readonly string[]): string {
  const quoted = values.map((value) => `'${value.replaceAll("'", "''")}'`);
  return `${column} in (${quoted.join(', ')})`;
}
