import { DataSource } from 'typeorm';
import type { DataSourceOptions, EntitySchema } from 'typeorm';
import { MIGRATIONS_TABLE } from '@hub/migrations';
import { PreparingClient } from './preparing-client';

export interface CreateDataSourceOptions {
  url: string;
  /** Entity classes, e.g. an app's `conversationEntities` array. No globs. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities: readonly (Function | EntitySchema)[];
  /**
   * The service's own schema: the default for entities without one, and first on the
   * search_path so the service's raw SQL can name its tables unqualified.
   */
  schema?: string;
  /** Shows in pg_stat_activity, so a slow query can be traced to its service. */
  applicationName: string;
  poolSize?: number;
  /**
   * Queries issued together on one connection go out together instead of one answer at a
   * time (pg's pipeline mode): for a transaction that sends its next statements before the
   * first is answered (routing's workspace lock).
   */
  pipelined?: boolean;
  /**
   * Statements run again and again are parsed and planned once per connection
   * (preparing-client.ts). Opt-in: see docs/hot-path.md for why only routing uses it so far.
   */
  prepared?: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * A TypeORM DataSource for a service, not yet initialized (call `initialize()` in the
 * module's lifecycle). It never changes the schema: `synchronize` is off with no way to turn
 * it on, and migrations run only through `runMigrations` in one dedicated step.
 */
export function createDataSource(options: CreateDataSourceOptions): DataSource {
  const {
    url,
    entities,
    schema,
    applicationName,
    poolSize = 10,
    pipelined = false,
    prepared = false,
  } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid schema name "${schema}"`);
  }
  const config: DataSourceOptions = {
    type: 'postgres',
    url,
    entities: [...entities],
    schema,
    applicationName,
    poolSize,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: MIGRATIONS_TABLE,
    // Migrations own every extension and gen_random_uuid() is built in (PostgreSQL 13+);
    // the service role may not even be allowed to CREATE EXTENSION.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    // A database that does not answer within 10 s is down; fail the readiness probe instead
    // of hanging a request. Idle connections go after 30 s so scaled-down load frees slots.
    connectTimeoutMS: 10_000,
    extra: {
      idleTimeoutMillis: 30_000,
      ...(prepared ? { Client: PreparingClient } : {}),
      pipeline: pipelined,
      ...(schema ? { options: `-c search_path=${schema},public` } : {}),
    },
  };
  return new DataSource(config);
}
