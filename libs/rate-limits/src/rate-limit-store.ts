import { Inject, Injectable } from '@nestjs/common';
import { Database, DomainException } from '@hub/service-kit';
import type { Pool, QueryConfig } from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { RateLimit, type RateRule } from './rate-limit';

/** The schema whose `rate_limits` table (made by the service's own migration) holds the counts. */
export const RATE_LIMIT_SCHEMA = Symbol('RATE_LIMIT_SCHEMA');
const TABLE = 'rate_limits';

/**
 * Limiters kept in PostgreSQL, so every replica of the service counts against the same numbers.
 * They share the service's connection pool and its `<schema>.rate_limits` table; each limiter's
 * name prefixes its keys.
 */
@Injectable()
export class RateLimitStore {
  // rate-limiter-flexible's "client" store: anything with pg's `query(config)`.
  private readonly client = { query: (query: QueryConfig) => this.pool().query(query) };

  constructor(
    private readonly database: Database,
    @Inject(RATE_LIMIT_SCHEMA) private readonly schema: string,
  ) {}

  /** Admits `points` per window per key, each rule counted on its own (windows must differ). */
  limit(name: string, rules: RateRule[]): RateLimit {
    return new RateLimit(
      name,
      rules.map((rule) => this.limiter(`${name}:${rule.windowSeconds}s`, rule)),
    );
  }

  /** A bare limiter, for policies beyond "n per window" (lockouts). */
  limiter(name: string, { points, windowSeconds }: RateRule): RateLimiterPostgres {
    return new RateLimiterPostgres({
      storeClient: this.client,
      storeType: 'client',
      schemaName: this.schema,
      tableName: TABLE,
      // Our migration made it: the library never runs DDL.
      tableCreated: true,
      keyPrefix: name,
      points,
      duration: windowSeconds,
    });
  }

  private pool(): Pool {
    const { dataSource } = this.database;
    if (!dataSource.isInitialized) {
      throw new DomainException('DATABASE_UNAVAILABLE', 'The database is not reachable yet');
    }
    return (dataSource.driver as PostgresDriver).master as Pool;
  }
}
