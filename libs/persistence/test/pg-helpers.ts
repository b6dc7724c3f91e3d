import { withClient } from '@hub/testing';

/**
 * Every schema and relation outside the system catalogs, as `schema` / `schema.name` strings;
 * an index is named after its table (`schema.table/index`) so callers can tell whose it is.
 */
export async function userObjects(
  url: string,
): Promise<{ schemas: string[]; relations: string[] }> {
  return withClient(url, async (client) => {
    const schemas = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace
       where nspname not like 'pg\\_%' and nspname <> 'information_schema' order by 1`,
    );
    const relations = await client.query<{ name: string }>(
      `select n.nspname || '.' || coalesce(t.relname || '/', '') || c.relname as name
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       left join pg_index i on i.indexrelid = c.oid
       left join pg_class t on t.oid = i.indrelid
       where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema' order by 1`,
    );
    return {
      schemas: schemas.rows.map((r) => r.name),
      relations: relations.rows.map((r) => r.name),
    };
  });
}
