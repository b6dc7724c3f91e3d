import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Calls `seen` with every statement `dataSource` sends from now on, transaction control
 * included (TypeORM sends it through the same query runners), so a test can count what the
 * database is asked. Returns the function that stops watching.
 */
export function watchStatements(dataSource: DataSource, seen: (sql: string) => void): () => void {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode?: 'master' | 'slave'): QueryRunner => {
    const runner = create(mode);
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    runner.query = ((sql: string, ...rest: unknown[]) => {
      seen(sql);
      return query(sql, ...rest);
    }) as QueryRunner['query'];
    return runner;
  };
  return () => {
    dataSource.createQueryRunner = create;
  };
}
