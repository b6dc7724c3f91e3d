import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { ServiceEnv } from '@hub/config';
import { createDataSource } from '@hub/persistence';
import type { DataSource, EntitySchema } from 'typeorm';
import { retryUntilSuccess } from '../retry';
import { SERVICE_ENV, SERVICE_NAME } from '../tokens';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = (Function | EntitySchema)[];
export const SERVICE_ENTITIES = Symbol('SERVICE_ENTITIES');
export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

/** How a service's connections behave (see createDataSource). */
export interface DatabaseOptions {
  pipelined?: boolean;
  prepared?: boolean;
}

/**
 * The service's PostgreSQL connection. It connects in the background with backoff, so the
 * process (and its health endpoints) is up even while the database is not; after the first
 * connection the pool replaces broken connections by itself.
 */
@Injectable()
export class Database implements OnApplicationShutdown {
  readonly dataSource: DataSource;
  private readonly logger = new Logger(Database.name);
  private readonly stopping = new AbortController();
  private connection?: Promise<DataSource>;

  constructor(
    @Inject(SERVICE_ENV) env: ServiceEnv,
    @Inject(SERVICE_NAME) service: string,
    @Inject(SERVICE_ENTITIES) entities: EntityList,
    @Inject(DATABASE_OPTIONS) options: DatabaseOptions,
  ) {
    this.dataSource = createDataSource({
      url: env.DATABASE_URL,
      entities,
      applicationName: service,
      pipelined: options.pipelined,
      prepared: options.prepared,
    });
  }

  /** Resolves once connected (the first time); rejects only when the service is stopping. */
  connected(): Promise<DataSource> {
    this.connection ??= retryUntilSuccess(() => this.dataSource.initialize(), {
      what: 'PostgreSQL connection',
      logger: this.logger,
      signal: this.stopping.signal,
    }).then((dataSource) => {
      this.logger.log('PostgreSQL connected');
      return dataSource;
    });
    return this.connection;
  }

  async isReady(): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
